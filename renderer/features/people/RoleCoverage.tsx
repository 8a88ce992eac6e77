import { roleLabels, type Person, type RoleAssignment, type Team } from '@shared/domain/engagement';
import { defaultCoverageRules, type CoverageGap, type CoverageRule } from '@shared/governance/coverage';
import { plural } from '../../app/format';
import { buildCoverageMatrix, describeRuleNeed, describeRuleScope, matrixRoles } from './coverage-view';

/**
 * The gaps the coverage rules find, each with the rule that raised it; who covers each key
 * role per team; and the rules themselves, so the thresholds are never a mystery.
 */
export function RoleCoverage(props: { teams: Team[]; people: Person[]; assignments: RoleAssignment[]; gaps: CoverageGap[] }) {
  const rules = defaultCoverageRules;
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const teamsById = new Map(props.teams.map((team) => [team.id, team]));
  const matrix = buildCoverageMatrix(props.teams, props.people, props.assignments, props.gaps);

  return (
    <section className="card stack" aria-labelledby="coverage-title" data-testid="role-coverage">
      <h2 id="coverage-title" style={{ margin: 0 }}>
        Role coverage
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        Worked out from each team's size and who holds which role. A role held for the whole engagement counts for every team.
      </p>

      <h3 style={{ margin: 0 }}>{props.gaps.length === 0 ? 'No gaps' : `Gaps (${props.gaps.length})`}</h3>
      {props.gaps.length === 0 ? (
        <p data-testid="coverage-no-gaps" style={{ margin: 0 }}>
          Every coverage rule is met.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="coverage-gaps">
            <caption className="visually-hidden">Coverage gaps, with the rule that raised each</caption>
            <thead>
              <tr>
                <th scope="col">Gap</th>
                <th scope="col">Team</th>
                <th scope="col">Raised by</th>
              </tr>
            </thead>
            <tbody>
              {props.gaps.map((gap) => {
                const rule = rulesById.get(gap.ruleId);
                const team = gap.teamId === null ? null : teamsById.get(gap.teamId);
                return (
                  <tr key={`${gap.ruleId}-${gap.teamId ?? 'engagement'}`} data-testid="coverage-gap" data-rule={gap.ruleId}>
                    <td>
                      <span className="coverage-gap-marker" aria-hidden="true">
                        ⚠{' '}
                      </span>
                      {gap.message}
                    </td>
                    <td>{team ? team.name : <span className="muted">Whole engagement</span>}</td>
                    <td>{rule ? <RuleSummary rule={rule} /> : gap.ruleId}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3 style={{ margin: 0 }}>Who covers what</h3>
      {props.teams.length === 0 ? (
        <p style={{ margin: 0 }}>No teams yet. Add them with “Edit engagement”.</p>
      ) : (
        <div className="table-wrap">
          <table className="data coverage-matrix" data-testid="coverage-matrix">
            <caption className="visually-hidden">Key roles per team: who covers each, or a gap</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {matrixRoles.map((role) => (
                  <th scope="col" key={role}>
                    {roleLabels[role]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.map(({ team, cells }) => (
                <tr key={team.id} data-testid="coverage-row" data-team={team.name}>
                  <th scope="row">
                    {team.name}
                    <div className="muted">{plural(team.size, 'engineer')}</div>
                  </th>
                  {cells.map((cell) => (
                    <td key={cell.role} data-role={cell.role} data-gap={cell.gap ? 'true' : undefined} title={cell.gap?.message}>
                      {cell.people.map((person) => (
                        <div key={person.id}>{person.name}</div>
                      ))}
                      {cell.gap ? (
                        <span className="coverage-gap-marker">{cell.people.length === 0 ? '⚠ Gap' : '⚠ Stretched'}</span>
                      ) : (
                        cell.people.length === 0 && <span className="muted">Not required</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <details className="coverage-rules" data-testid="coverage-rules">
        <summary>Rules applied ({rules.length})</summary>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Applies to</th>
                <th scope="col">Needed</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td>{roleLabels[rule.role]}</td>
                  <td>{describeRuleScope(rule)}</td>
                  <td>{describeRuleNeed(rule)}</td>
                  <td>{rule.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function RuleSummary({ rule }: { rule: CoverageRule }) {
  return (
    <>
      <strong>{roleLabels[rule.role]} rule</strong>: {describeRuleScope(rule).toLowerCase()}, {describeRuleNeed(rule)}
      <div className="muted">{rule.description}</div>
    </>
  );
}

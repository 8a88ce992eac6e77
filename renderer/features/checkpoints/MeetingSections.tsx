/**
 * The engagement page's checkpoint, decision and action sections: one chunk, loaded when
 * one of them is first opened.
 */
import type { Engagement } from '@shared/domain/engagement';
import { useMeetingData } from './use-meeting-data';
import { CheckpointsList } from './CheckpointsList';
import { CheckpointPage } from './CheckpointPage';
import { DecisionRegister } from './DecisionRegister';
import { ActionLog } from './ActionLog';
import './checkpoints.css';

export type MeetingSectionKey = 'checkpoints' | 'decisions' | 'actions';

export function MeetingSections(props: { engagement: Engagement; section: MeetingSectionKey; checkpointId?: string }) {
  const data = useMeetingData(props.engagement.id);
  if (!data)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (props.section === 'checkpoints')
    return props.checkpointId ? (
      <CheckpointPage engagement={props.engagement} data={data} checkpointId={props.checkpointId} />
    ) : (
      <CheckpointsList engagement={props.engagement} data={data} />
    );
  if (props.section === 'decisions') return <DecisionRegister engagementId={props.engagement.id} data={data} />;
  return <ActionLog engagementId={props.engagement.id} data={data} />;
}

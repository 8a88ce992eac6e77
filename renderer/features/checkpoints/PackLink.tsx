import { Link } from 'wouter';

/** The way to a checkpoint's pack: the draft preview, from which it is issued and exported. */
export function PackLink(props: { engagementId: string; checkpointId: string; title: string }) {
  return (
    <Link className="button" href={`/engagements/${props.engagementId}/checkpoints/${props.checkpointId}/pack`}>
      Preview pack<span className="visually-hidden"> of {props.title}</span>
    </Link>
  );
}

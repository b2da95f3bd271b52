// The card above the reader, drawn in CSS: what the idle screen invites and the end screen asks back.
export function CardIllustration() {
  return (
    <div className="card-illustration" aria-hidden="true">
      <div className="card-shape" />
      <div className="reader-shape" />
    </div>
  );
}

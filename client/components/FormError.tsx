/** A form's failure, announced to screen readers as soon as it appears. */
export function FormError({ message }: { message: string | null }) {
  return (
    <div role="alert" className="form-error" hidden={!message}>
      {message}
    </div>
  );
}

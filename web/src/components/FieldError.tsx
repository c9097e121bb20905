/** A form field's error, next to it; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  return (
    <span id={id} className="error" role={message ? 'alert' : undefined}>
      {message}
    </span>
  );
}

/**
 * What a disabled submit button waits for, named beside it: a greyed-out button alone says nothing
 * of why. Returns the props for the button, so that a screen reader reads the reason with it.
 */
export function stillNeeds(id: string, action: string, needs: ReadonlyArray<string | false>) {
  const missing = needs.filter((need) => need !== false);
  const isMissing = missing.length > 0;
  return {
    isMissing,
    describedBy: isMissing ? id : undefined,
    line: isMissing ? (
      <p id={id} className="muted small">
        {action}, the form still needs {missing.join(' and ')}.
      </p>
    ) : null,
  };
}

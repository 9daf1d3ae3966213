// The phone's on-screen keyboard for the app's text fields (the note, dates).
//
// The app draws its text fields into the canvas, and a phone raises its keyboard only
// for a focused HTML text field. So the page keeps one: #keyboard, a real input that
// stays on screen (a phone will not raise the keyboard for a field that is hidden or
// off screen) but cannot be seen, under the canvas. When a tap lands on one of the
// app's text fields (the app then shows the text cursor over it), #keyboard takes the
// focus and the keyboard comes up; what is typed is handed to the canvas as key
// presses, which the app's field takes as from a real keyboard. A tap anywhere else
// gives the focus back to the canvas and the keyboard goes. #keyboard holds text only
// while a field is being edited: Enter and leaving it empty it again.

const SEED = " "; // so that Backspace in an empty field still reports an edit

export function attachKeyboard(canvas) {
  const input = document.createElement("input");
  input.id = "keyboard";
  input.type = "text";
  input.setAttribute("aria-label", "Text for the field being edited");
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("autocapitalize", "sentences");
  input.setAttribute("enterkeyhint", "done");
  // 16px: iOS zooms the page into smaller fields.
  input.style.cssText = "position:fixed;left:0;bottom:0;width:1px;height:1px;opacity:0;" +
    "border:0;padding:0;margin:0;font-size:16px;z-index:0;pointer-events:none;" +
    "caret-color:transparent;background:transparent;color:transparent";
  document.body.append(input);

  let before = SEED;
  const reset = () => { input.value = SEED; before = SEED; };
  reset();

  const press = (key, extra = {}) => {
    for (const type of ["keydown", "keyup"]) {
      canvas.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true, ...extra }));
    }
  };

  // Whatever changed in #keyboard (typing, a suggestion, dictation, a paste) is
  // replayed as Backspaces and characters.
  input.addEventListener("input", () => {
    const now = input.value;
    let same = 0;
    while (same < now.length && same < before.length && now[same] === before[same]) same += 1;
    for (let i = same; i < before.length; i++) press("Backspace", { code: "Backspace" });
    for (const character of now.slice(same)) press(character);
    before = now;
    if (now === "" || now.length > 200) reset();
  });

  // Keys that type nothing (Enter, Escape, Tab, arrows) and shortcuts go straight on.
  input.addEventListener("keydown", (event) => {
    const typing = event.key.length === 1 || ["Backspace", "Delete", "Unidentified", "Process"]
      .includes(event.key);
    if (typing && !event.ctrlKey && !event.metaKey && !event.altKey) return;
    event.preventDefault();
    press(event.key, {
      code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey,
      altKey: event.altKey, shiftKey: event.shiftKey,
    });
    if (event.key === "Escape") canvas.focus({ preventScroll: true });
    // Enter (the keyboard's Done) hands the field's text to the app, which saves it:
    // the words typed must not stay behind in #keyboard, where a screen reader or
    // another script would still read them.
    if (event.key === "Enter") reset();
  });
  // Nor once the field is left, however it is left.
  input.addEventListener("blur", reset);

  // The canvas keeps its focus, as far as the app knows, while #keyboard has it: the
  // app's field stays in edit mode. (Capture on window runs before the app sees it.)
  window.addEventListener("blur", (event) => {
    if (event.target === canvas && event.relatedTarget === input) event.stopImmediatePropagation();
  }, { capture: true });

  const decide = () => {
    if (canvas.style.cursor === "text") {
      if (document.activeElement !== input) {
        reset();
        input.focus({ preventScroll: true });
      }
    } else if (document.activeElement === input) {
      canvas.focus({ preventScroll: true });
    }
  };
  // At once, inside the tap (iOS raises the keyboard only then), and again once the
  // app has drawn the frame after the tap, for a tap quicker than a frame.
  canvas.addEventListener("pointerup", () => {
    decide();
    requestAnimationFrame(() => requestAnimationFrame(decide));
  });
  return input;
}

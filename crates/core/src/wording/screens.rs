//! The words of the app's screens: headings, buttons, hints and short messages,
//! one module per screen, so all of them can be read and reviewed here beside the
//! check's own wording.

/// Returns to the previous screen or card.
pub const BACK: &str = "Back";

/// A leg's name, marked when it was the reference leg: "Left leg (reference)".
pub fn leg_title(leg: &str, reference: bool) -> String {
    if reference { format!("{leg} (reference)") } else { leg.to_string() }
}

/// An intensity out of ten: "6/10".
pub fn out_of_ten(intensity: u8) -> String {
    format!("{intensity}/10")
}
/// An answer.
pub const YES: &str = "Yes";
/// An answer.
pub const NO: &str = "No";

/// The home screen.
pub mod home {
    /// Opens the settings.
    pub const SETTINGS: &str = "Settings";
    /// The question the app answers.
    pub const QUESTION: &str = "Nerve or muscle?";
    /// Opens the saved sessions.
    pub const HISTORY: &str = "History";
    /// Starts a check.
    pub const NEW_CHECK: &str = "New check";
}

/// Before you start: shown before the first check, and from Home.
pub mod intro {
    /// The screen's heading.
    pub const HEADING: &str = "Before your first check";
    /// What the check does.
    pub const WHAT_IT_DOES: &str = "This check walks you through two short movements, seated and standing, one leg at a time. From how the feeling changes it suggests whether the tightness at the back of your leg comes more from the sciatic nerve or from the hamstring muscle.";
    /// What it does not do.
    pub const NOT_A_DIAGNOSIS: &str = "It is not a diagnosis and does not replace an examination. A few safety questions come first; if one points to something serious, the check stops and tells you where to get help.";
    /// The list's heading.
    pub const YOU_NEED: &str = "You need";
    /// What to have at hand.
    pub const NEEDS: &[&str] = &[
        "A firm chair without wheels",
        "A step or a low stool",
        "A wall, a heavy chair back or a counter to hold on to",
        "Loose clothes, and room to stand",
    ];
    /// How long it takes.
    pub const TIME: &str = "It takes about five minutes.";
    /// The stop rule.
    pub const STOP_ANY_TIME: &str = "You can stop at any time. Stop at once if a movement brings sharp or shooting pain, or a feeling that spreads down the leg: every step has a stop button.";
    /// Goes on to the safety questions.
    pub const START: &str = "I'm ready";
    /// The link from Home.
    pub const OPEN: &str = "What you need";
}

/// The exercise cards (clinical brief, section 6): the nerve slider and the standing
/// hamstring stretch, each step by step, with its dose and the stop rule.
pub mod exercises {
    /// The nerve slider's name.
    pub const SLIDER: &str = "Nerve slider";
    /// What the slider does.
    pub const SLIDER_ABOUT: &str =
        "Glides the sciatic nerve gently back and forth without stretching it.";
    /// The slider's steps.
    pub const SLIDER_STEPS: &[&str] = &[
        "Sit tall on a firm chair, both feet on the floor.",
        "Look down toward your knee as you bend it, the foot back under the chair.",
        "Slowly straighten the knee while you lift your head and look up.",
        "Bend the knee again while you look down. That is one.",
    ];
    /// The slider's dose.
    pub const SLIDER_DOSE: &str = "About 10 slow repetitions, always short of any nerve feeling (tingling, burning, shooting). Once or twice a day.";
    /// The stretch's name.
    pub const STRETCH: &str = "Standing hamstring stretch";
    /// What the stretch does.
    pub const STRETCH_ABOUT: &str = "Lengthens the hamstring at the back of the thigh.";
    /// The stretch's steps.
    pub const STRETCH_STEPS: &[&str] = &[
        "Hold a wall, a heavy chair back or a counter with one hand.",
        "Rest the heel on a step or low stool, knee unlocked a little, toes relaxed.",
        "Stand tall, then lean gently forward from the hips, chest up, until you feel a stretch in the back of the thigh.",
        "Hold it, breathing calmly. No bouncing.",
    ];
    /// The stretch's dose.
    pub const STRETCH_DOSE: &str = "Hold about 30 seconds, a few times a day.";
    /// The stretch's hold, in seconds.
    pub const STRETCH_HOLD: u32 = 30;
    /// The start picture's caption.
    pub const START: &str = "Start";
    /// The end picture's caption.
    pub const END: &str = "End";
    /// The steps heading.
    pub const HOW: &str = "How";
    /// The dose heading.
    pub const HOW_MUCH: &str = "How much";
    /// The stop rule on every exercise.
    pub const STOP_RULE: &str = "Stop if it brings sharp or shooting pain, or a feeling that spreads down the leg, and ask a physical therapist.";
    /// The card's position: "Exercise 1 of 2".
    pub fn position(n: usize, of: usize) -> String {
        format!("Exercise {n} of {of}")
    }
    /// Goes to the next exercise.
    pub const NEXT: &str = "Next exercise";
    /// Closes the exercises.
    pub const DONE: &str = "Done";
}

/// The setup screen.
pub mod setup {
    /// The heading.
    pub const HEADING: &str = "Before you start";
    /// A leg.
    pub const LEFT: &str = "Left";
    /// A leg.
    pub const RIGHT: &str = "Right";
    /// Declines the reference leg.
    pub const SKIP: &str = "Skip";
    /// Why Start is not yet available.
    pub const CHOOSE_LEG: &str = "Choose a leg to start.";
    /// Starts the step cards.
    pub const START: &str = "Start";
}

/// The safety screen.
pub mod safety {
    /// The heading.
    pub const HEADING: &str = "Safety questions";
    /// "Question 3 of 11".
    pub fn progress(index: usize, count: usize) -> String {
        format!("Question {index} of {count}")
    }
}

/// The check screen.
pub mod check {
    /// Asked before quitting.
    pub const QUIT_QUESTION: &str = "Quit this check? Your answers so far will not be kept.";
    /// Stays in the check.
    pub const KEEP_GOING: &str = "Keep going";
    /// Confirms quitting.
    pub const QUIT_CHECK: &str = "Quit check";
    /// Asks to quit.
    pub const QUIT: &str = "Quit";
    /// Ends the last card.
    pub const SEE_RESULT: &str = "See result";
    /// Goes to the next card.
    pub const NEXT: &str = "Next";
    /// What is missing before Next.
    pub const NEED_INTENSITY: &str = "Tap a number from 0 to 10 to continue.";
    /// What is missing before Next.
    pub const NEED_REGIONS: &str = "Choose where you feel it to continue.";
    /// What is missing before Next.
    pub const NEED_QUALITIES: &str = "Choose what it feels like to continue.";
    /// What is missing before Next.
    pub const NEED_FAMILIAR: &str = "Say whether this is your usual feeling to continue.";
    /// What is missing before Next.
    pub const NEED_CHANGE: &str = "Choose how the feeling changed to continue.";
    /// What is missing before Next.
    pub const NEED_SHARP_PAIN: &str = "Answer the sharp-pain question to continue.";
    /// What is missing before Next.
    pub const NEED_SPREAD: &str = "Answer the spreading question to continue.";
    /// The stop control on every test card.
    pub const STOP: &str = "Sharp pain or spreading: stop";
    /// Continues after a transition card.
    pub const CONTINUE: &str = "Continue";
    /// Starts the hold countdown.
    pub fn start_hold(seconds: u32) -> String {
        format!("Start {seconds}-second hold")
    }
    /// While the countdown runs.
    pub const HOLDING: &str = "Hold still and notice the feeling";
    /// Under the number.
    pub const SECONDS_LEFT: &str = "seconds";
    /// When the hold is over.
    pub const HOLD_DONE: &str = "Done. Come back to rest and answer.";
    /// Beside the timer: it never has to be used.
    pub const HOLD_OPTIONAL: &str = "You can answer at any time; the timer only helps you hold.";

    /// The whole check's progress: "Step 7 of 18 · about 4 minutes left".
    pub fn progress(step: usize, of: usize, seconds_left: u32) -> String {
        let minutes = seconds_left.div_ceil(60);
        let left = match minutes {
            0 => "almost done".to_string(),
            1 => "about a minute left".to_string(),
            n => format!("about {n} minutes left"),
        };
        format!("Step {step} of {of} · {left}")
    }

    /// A transition card's heading when the leg changes: "Left leg done."
    pub fn leg_done(leg: &str) -> String {
        format!("{leg} done.")
    }

    /// A transition card's heading when the test changes: "Seated slump test done."
    pub fn test_done(test: &str) -> String {
        format!("{test} done.")
    }

    /// What comes next on a transition card: "Now your right leg, the one that
    /// bothers you." or "Now your left leg, for comparison."
    pub fn now_leg(leg_lower: &str, reference: bool, test: Option<&str>) -> String {
        let which = if reference { "for comparison" } else { "the one that bothers you" };
        match test {
            Some(test) => format!("Next: the {test}, starting with your {leg_lower}, {which}."),
            None => format!("Now your {leg_lower}, {which}."),
        }
    }
}

/// The result screen.
pub mod result {
    /// Above the tier.
    pub const YOUR_RESULT: &str = "Your result";
    /// The reasons heading for emergency and urgent results.
    pub const BECAUSE_YOU_SAID: &str = "Because you said";
    /// The reasons heading.
    pub const WHY: &str = "Why";
    /// The per-leg heading.
    pub const EACH_LEG: &str = "Each leg";
    /// The advice heading.
    pub const WHAT_NEXT: &str = "What to do next";
    /// The referral heading.
    pub const WHEN_TO_SEE_PT: &str = "When to see a physical therapist";
    /// The disclaimer heading.
    pub const NOT_A_DIAGNOSIS: &str = "Not a diagnosis";
    /// While saving.
    pub const SAVING: &str = "Saving…";
    /// After saving.
    pub const SAVED: &str = "Saved on this device.";
    /// Tries the save again.
    pub const RETRY: &str = "Retry saving";
    /// The first words of an emergency result.
    pub const EMERGENCY_CALL: &str =
        "Call your emergency number now, or go to the nearest emergency department.";
    /// The common emergency numbers and where they apply.
    pub const EMERGENCY_NUMBERS: &[(&str, &str)] = &[
        ("112", "the EU and most of the world"),
        ("911", "the United States and Canada"),
        ("999", "the United Kingdom"),
        ("000", "Australia"),
    ];
    /// A number and where it applies: "112: the EU and most of the world".
    pub fn emergency_number(number: &str, place: &str) -> String {
        format!("{number}: {place}")
    }
    /// The call button of a number in the browser build.
    pub fn call(number: &str) -> String {
        format!("Call {number}")
    }
    /// The urgent result's action block.
    pub const URGENT_BLOCK: &[&str] = &[
        "Contact a doctor or urgent care today. In the UK you can call NHS 111.",
        "If it gets worse (new weakness, numbness between the legs, or trouble passing urine or controlling the bowels), call your emergency number at once.",
    ];
    /// The stop result's action block, naming where the test stopped.
    pub fn stop_block(at: Option<&str>) -> Vec<String> {
        vec![
            match at {
                Some(at) => format!("Do not repeat the movement that hurt ({at})."),
                None => "Do not repeat the movement that hurt.".to_string(),
            },
            "See a physical therapist or doctor before you stretch this leg again.".to_string(),
            "If weakness or numbness appears, get emergency care.".to_string(),
        ]
    }
    /// Shows every reason.
    pub fn show_all(count: usize) -> String {
        format!("Show all {count} reasons")
    }
    /// Shows the three most telling reasons only.
    pub const SHOW_FEWER: &str = "Show fewer";
    /// The heading of reasons about the check as a whole.
    pub const ABOUT_THE_CHECK: &str = "The check as a whole";
    /// Opens the exercise cards.
    pub const EXERCISES: &str = "Show the exercises";

    /// One line of what to do now, right under the result.
    pub fn do_now(tier: crate::Tier, suspected_strain: bool) -> &'static str {
        use crate::Tier;
        let exercise_tier =
            matches!(tier, Tier::NerveTensionLikely | Tier::HamstringTightnessLikely | Tier::Both);
        if suspected_strain && exercise_tier {
            return "Have the suspected strain seen by a physical therapist before any stretching.";
        }
        match tier {
            Tier::Emergency => "Get emergency care now.",
            Tier::Urgent => "Contact a doctor today, before any more tests or stretches.",
            Tier::StopAndConsult => {
                "Stop this movement and have it checked before you stretch again."
            }
            Tier::NerveTensionLikely => {
                "Move gently, don't stretch into nerve symptoms; the nerve slider below can help."
            }
            Tier::HamstringTightnessLikely => {
                "A gentle hamstring stretch, a few times a day, is a good start."
            }
            Tier::Both => {
                "Settle the nerve first with gentle sliders, then add a light hamstring stretch."
            }
            Tier::NormalResponse => {
                "Nothing here needs special action: this response is common in healthy legs."
            }
            Tier::NoNotableTension => "Nothing here needs special action.",
            Tier::Unclear => "Repeat the check calmly another day, or ask a physical therapist.",
        }
    }
    /// Leaves the result.
    pub const DONE: &str = "Done";

    /// After a leg's verdict: ", strongest 6/10".
    pub fn strongest(peak: u8) -> String {
        format!(", strongest {}", super::out_of_ten(peak))
    }
    /// Why a session is not saved yet.
    pub fn not_saved(why: &str) -> String {
        format!("Not saved yet: {why}. Your answers are kept while the app is open.")
    }
}

/// The history screen.
pub mod history {
    /// The heading.
    pub const HEADING: &str = "History";
    /// Opens the trends.
    pub const TRENDS: &str = "Trends";
    /// Opens export and backup.
    pub const EXPORT: &str = "Export";
    /// After a delete.
    pub const MOVED_TO_TRASH: &str = "Session moved to the trash.";
    /// Brings a deleted session back.
    pub const UNDO: &str = "Undo";
    /// While loading.
    pub const LOADING: &str = "Loading your sessions…";
    /// With no sessions.
    pub const EMPTY: &str = "No sessions yet. Finished checks are saved here, on this device only.";
    /// A session without tests.
    pub const NO_TESTS: &str = "No tests";
    /// A session of both legs.
    pub const BOTH_LEGS: &str = "Both legs";

    /// A row's second line: "Both legs · peak 6/10".
    pub fn legs_and_peak(legs: &str, peak: u8) -> String {
        format!("{legs} · peak {}", super::out_of_ten(peak))
    }
}

/// The detail screen.
pub mod detail {
    /// The reasons heading.
    pub const WHY: &str = "Why";
    /// The safety heading.
    pub const SAFETY: &str = "Safety questions";
    /// The injury answer.
    pub const STRAIN_YES: &str = "Possible hamstring strain: Yes (stretch skipped)";
    /// The injury answer.
    pub const STRAIN_NO: &str = "Possible hamstring strain: No";

    /// A step's intensity in its answer line.
    pub fn intensity(intensity: u8) -> String {
        format!("intensity {}", super::out_of_ten(intensity))
    }

    /// Whether it was the usual feeling, in an answer line.
    pub fn usual_feeling(answer: &str) -> String {
        format!("usual feeling: {answer}")
    }

    /// B2's sharp-pain answer in an answer line.
    pub fn sharp_pain(yes: bool) -> String {
        format!("sharp pain increased: {}", if yes { "yes" } else { "no" })
    }

    /// B3's spread answer in an answer line.
    pub fn spread(yes: bool) -> String {
        format!("spread below knee: {}", if yes { "yes" } else { "no" })
    }
    /// The note heading.
    pub const NOTE: &str = "Your note";
    /// A saved session that today's rules grade differently.
    pub fn regraded(then: &str, version: u32, now: &str) -> String {
        format!(
            "Graded \"{then}\" at the time (rules version {version}). Today's rules give \"{now}\"; the result above is the one shown at the time."
        )
    }
    /// What a note is for, above the field (a placeholder this long is cut off on a phone).
    pub const NOTE_EXPLAINED: &str = "For example what you did before the check.";
    /// The note field's placeholder.
    pub const NOTE_HINT: &str = "Add a note";
    /// Saves the note.
    pub const SAVE_NOTE: &str = "Save note";
    /// Asked before deleting.
    pub const DELETE_QUESTION: &str = "Move this session to the trash? You can undo this.";
    /// Cancels deleting.
    pub const KEEP_IT: &str = "Keep it";
    /// Confirms deleting.
    pub const DELETE_SESSION: &str = "Delete session";
    /// Asks to delete.
    pub const DELETE: &str = "Delete";
    /// Exports this session.
    pub const EXPORT_REPORT: &str = "Export report";
    /// Every safety question answered no.
    pub fn all_answered_no(count: usize) -> String {
        format!("All {count} answered No.")
    }
}

/// The trends screen.
pub mod trends {
    /// The heading.
    pub const HEADING: &str = "Trends";
    /// What the chart shows.
    pub const EXPLAINED: &str = "How strong the tightness was when you first felt it: seated with the knee straight (A2) and leaning into the stretch (B2), per leg.";
    /// With nothing to chart.
    pub const EMPTY: &str = "No ratings yet. Finish a check and your ratings appear here.";
    /// The tier legend's heading.
    pub const TIERS: &str = "Result of each session";
    /// Under each chart: what the numbers are and which way is better.
    pub const CAPTION: &str =
        "0 = nothing, 10 = worst imaginable, one point per check. Lower means less tension.";
}

/// The settings screen.
pub mod settings {
    /// The heading.
    pub const HEADING: &str = "Settings";
    /// The theme heading.
    pub const COLOURS: &str = "Colours";
    /// The size heading.
    pub const SIZE: &str = "Text and button size";
    /// How the size works.
    pub const SIZE_NOTE: &str = "Text and buttons grow at every window size; on a narrow screen the page rearranges itself so nothing is cut off.";
    /// The hold timer heading.
    pub const HOLD_TIMER: &str = "Hold timer";
    /// The hold timer choice.
    pub const HOLD_TIMER_AUTO: &str = "Start by itself";
    /// The hold timer choice.
    pub const HOLD_TIMER_TAP: &str = "Start with a tap";
    /// What the hold timer is.
    pub const HOLD_TIMER_NOTE: &str = "Each step shows how long to hold a position (about 5 or 10 seconds). You can answer at any time.";
}

/// The export screen.
pub mod export {
    /// A range that runs backwards.
    pub const START_AFTER_END: &str = "The start date is after the end date.";
    /// Import without a path.
    pub const NEED_IMPORT_PATH: &str = "Type the folder or file to import from.";
    /// While importing.
    pub const IMPORTING: &str = "Importing…";
    /// Export without a folder.
    pub const NEED_FOLDER: &str = "Type the folder to save into.";
    /// While saving.
    pub const SAVING: &str = "Saving…";
    /// The heading.
    pub const HEADING: &str = "Export and backup";
    /// Exporting one session.
    pub const ONE_SESSION: &str = "A report of this session for your physical therapist.";
    /// Exporting a range.
    pub const RANGE: &str =
        "A report of every session in a date range, for your physical therapist.";
    /// The first day's label.
    pub const FROM: &str = "From (YYYY-MM-DD)";
    /// The first day's placeholder.
    pub const FROM_HINT: &str = "first day";
    /// The last day's label.
    pub const TO: &str = "To (YYYY-MM-DD)";
    /// The last day's placeholder.
    pub const TO_HINT: &str = "last day";
    /// The folder's label.
    pub const FOLDER: &str = "Save into this folder";
    /// A folder offered with one tap.
    pub const DOCUMENTS: &str = "Documents";
    /// A folder offered with one tap.
    pub const DOWNLOADS: &str = "Downloads";
    /// A folder offered with one tap.
    pub const DESKTOP: &str = "Desktop";
    /// A folder offered with one tap.
    pub const HOME: &str = "Home folder";
    /// The folder's placeholder.
    pub const FOLDER_HINT: &str = "a folder, such as your Documents";
    /// Saves the PDF report.
    pub const SAVE_PDF: &str = "Save report (PDF)";
    /// Saves the HTML report.
    pub const SAVE_HTML: &str = "Save report (HTML)";
    /// Saves the CSV.
    pub const SAVE_CSV: &str = "Save CSV";
    /// What each format is for.
    pub const FORMATS: &str = "The PDF is ready to print or send. The HTML report is the same, as a web page; the CSV holds every answer for a spreadsheet.";
    /// The backup heading.
    pub const BACKUP: &str = "Backup";
    /// What a backup does.
    pub const BACKUP_EXPLAINED: &str =
        "Copies every saved session, exactly as stored, into a new folder inside the one above.";
    /// Makes a backup.
    pub const BACK_UP: &str = "Back up all sessions";
    /// The import heading.
    pub const RESTORE: &str = "Restore or merge";
    /// What an import does.
    pub const RESTORE_EXPLAINED: &str = "Brings in sessions from a backup folder or another device. Sessions you already have are skipped.";
    /// The import path's placeholder.
    pub const IMPORT_HINT: &str = "a backup folder or a .ron file";
    /// Imports.
    pub const IMPORT: &str = "Import";
    /// A date typed in another form.
    pub fn bad_date(which: &str) -> String {
        format!("The {which} date should look like 2026-03-31.")
    }
}

/// Shared widgets: the help overlay and the tap scale.
pub mod widgets {
    /// Opens the help for the screen on show.
    pub const HELP: &str = "Help";
    /// The help overlay's heading.
    pub const SHORTCUTS: &str = "Keyboard shortcuts";
    /// Every keyboard shortcut with what it does, as the help overlay lists them.
    pub const SHORTCUTS_LIST: &[(&str, &str)] = &[
        ("Enter or Space", "Next, Start, Done: the main action"),
        ("Backspace, or Alt + Left arrow", "Back"),
        ("Y / N", "Yes / No"),
        ("0 to 9", "Intensity (1 then 0 gives 10)"),
        ("Tab / Shift + Tab", "The next / previous question of a step"),
        ("1 to 7", "On the question Tab moved to: the place or word with that number"),
        ("E / C / S", "Eased / No change / Stronger"),
        ("L / R", "Left / Right leg"),
        ("Escape", "Quit a check (asks first), or close"),
        ("Ctrl + H (Cmd + H)", "History, from the home screen"),
        ("Ctrl + comma (Cmd + comma)", "Settings, from the home screen"),
        ("Question mark or F1", "Show or hide help"),
        ("Ctrl + Q (Cmd + Q)", "Close Tension Check"),
    ];

    /// Closes the help overlay.
    pub const CLOSE: &str = "Close";
    /// The scale's low end.
    pub const SCALE_LOW: &str = "0 = nothing";
    /// The scale's high end.
    pub const SCALE_HIGH: &str = "10 = worst imaginable";

    /// A step card's progress: "Step 2 of 6".
    pub fn step_progress(step: usize, of: usize) -> String {
        format!("Step {step} of {of}")
    }
}

/// Notices and status lines the app shows after background work.
pub mod messages {
    /// After a note was saved.
    pub const NOTE_SAVED: &str = "Note saved.";
    /// After Undo brought a session back.
    pub const RESTORED: &str = "The session is back.";
    /// While the history loads.
    pub const LOADING: &str = "Loading…";
    /// A session that was opened has gone (deleted elsewhere).
    pub const SESSION_GONE: &str = "This session is no longer in your history.";
    /// Saving without a data folder.
    pub const NO_DATA_FOLDER: &str = "there is no data folder to save into";
    /// Exporting a range without sessions.
    pub const NOTHING_TO_EXPORT: &str = "no saved sessions match those dates";
    /// A hundred exports of the same day in one folder.
    pub const TOO_MANY_EXPORTS: &str = "too many exports with today's date in that folder";
    /// What the browser build cannot do.
    pub const NOT_IN_BROWSER: &str =
        "this is not available in the browser version; use the desktop app";

    /// The data folder could not be opened.
    pub fn history_unavailable(why: &str) -> String {
        format!("History is not available: {why}.")
    }

    /// An action that needs the data folder.
    pub fn not_possible(why: &str) -> String {
        format!("Not possible: {why}.")
    }

    /// A note or export that failed.
    pub fn not_saved(why: &str) -> String {
        format!("Not saved: {why}.")
    }

    /// Any other action that failed.
    pub fn failed(why: &str) -> String {
        format!("That did not work: {why}.")
    }

    /// Old trash emptied at start.
    pub fn trash_emptied(sessions: usize) -> String {
        match sessions {
            1 => "1 deleted session older than 30 days was emptied from the trash.".to_string(),
            n => format!("{n} deleted sessions older than 30 days were emptied from the trash."),
        }
    }

    /// A trash file that could not be removed.
    pub fn trash_not_emptied(path: &str, why: &str) -> String {
        format!("Could not empty {path} from the trash: {why}.")
    }

    /// An export folder that is not there.
    pub fn no_such_folder(folder: &str) -> String {
        format!("the folder {folder} does not exist")
    }

    /// After a backup.
    pub fn backed_up(files: usize, target: &str) -> String {
        format!("Backed up {} into {target}.", crate::wording::count(files, "file", "files"))
    }

    /// After an export.
    pub fn exported(sessions: usize, path: &str) -> String {
        format!("Saved {} to {path}.", crate::wording::count(sessions, "session", "sessions"))
    }
}

/// The help each screen offers through its Help button: what the screen is for and
/// how to answer, before the keyboard shortcuts.
pub mod help {
    use crate::protocol::{Ask, StepId};

    fn lines(heading: &str, lines: &[&str]) -> (String, Vec<String>) {
        (heading.to_string(), lines.iter().map(|l| l.to_string()).collect())
    }

    /// How to answer one kind of question on a step card.
    pub fn how_to_answer(ask: Ask) -> &'static str {
        match ask {
            Ask::Intensity => {
                "How strong: tap a number from 0 (nothing at all) to 10 (the worst you can imagine)."
            }
            Ask::Regions => {
                "Where: tap every place you feel it. Tap a place again to take it back."
            }
            Ask::Qualities => {
                "What it feels like: tap every word that fits. Tap again to take it back."
            }
            Ask::Familiar => {
                "Familiar: is this the feeling that usually bothers you? Yes, No or Not sure."
            }
            Ask::Change => {
                "Change: compared with just before this movement, did the feeling ease, stay the same or get stronger?"
            }
            Ask::SharpPain | Ask::Spread => "Yes stops the test at once. Stop the movement too.",
        }
    }

    /// The help for a step card: its instruction and how to answer each question.
    pub fn step(step: StepId) -> (String, Vec<String>) {
        let mut out = vec![crate::wording::step_instruction(step).to_string()];
        if step.asks().is_empty() {
            out.push("Get into position, then tap Next.".to_string());
        }
        out.extend(step.asks().iter().map(|ask| how_to_answer(*ask).to_string()));
        out.push("Move slowly and stop anything that brings sharp or shooting pain.".to_string());
        (format!("This step ({})", step.code()), out)
    }

    /// The home screen's help.
    pub fn home() -> (String, Vec<String>) {
        lines(
            "Getting started",
            &[
                "New check walks you through a few safety questions and two short tests, one leg at a time.",
                "History shows your saved checks, how they changed over time, and a report to share.",
                "Text size and colours are in Settings.",
            ],
        )
    }

    /// The safety questions' help.
    pub fn safety() -> (String, Vec<String>) {
        lines(
            "Safety questions",
            &[
                "Answer each question Yes or No. If you are not sure, answer Yes: it is safer.",
                "A Yes ends the check and tells you where to get help.",
            ],
        )
    }

    /// The set-up screen's help.
    pub fn setup() -> (String, Vec<String>) {
        lines(
            "Which leg",
            &[
                "Choose the leg that bothers you.",
                "Testing the other leg first gives a comparison; you can skip it.",
            ],
        )
    }

    /// The result's help.
    pub fn result() -> (String, Vec<String>) {
        lines(
            "Your result",
            &[
                "The result says what your answers point to, why, and what to do next.",
                "It is not a diagnosis. It is saved in your history.",
            ],
        )
    }

    /// The history's help.
    pub fn history() -> (String, Vec<String>) {
        lines(
            "History",
            &[
                "Tap a session to see its answers, add a note or delete it.",
                "Trends shows how strong the feeling was over time; Export makes a report.",
            ],
        )
    }

    /// The trends' help.
    pub fn trends() -> (String, Vec<String>) {
        lines(
            "Trends",
            &[
                "Each line is the strongest feeling of a test, 0 to 10, one point per check.",
                "Lower means less tension.",
            ],
        )
    }

    /// The export screen's help.
    pub fn export() -> (String, Vec<String>) {
        lines(
            "Export",
            &[
                "Choose which sessions, a format and a folder, then Export.",
                "The PDF or HTML report is made to hand to a physical therapist.",
            ],
        )
    }

    /// The settings' help.
    pub fn settings() -> (String, Vec<String>) {
        lines("Settings", &["Choose the colours and the text size. Changes apply at once."])
    }
}

//! Both legs bothered: the set-up choice, each leg tested and graded on its own,
//! the both-legs question asked again at the result (a yes is Emergency, and saved),
//! and no step code (A1-A6, B1-B3) in the text of any screen a person reads.

use crate::common::{Driver, PHONE};
use tension_check::core::grading::LegVerdict;
use tension_check::core::wording::screens::result as result_words;
use tension_check::core::{Reason, Tier, wording};
use tension_check::store::{SessionStore, Store};
use tension_check::ui::app::Screen;

fn result(d: &Driver) -> Option<&tension_check::ui::screens::result::State> {
    match d.app.screen() {
        Screen::Result(state) => Some(state),
        _ => None,
    }
}

/// One leg's slump test and, later, its stretch, answered with these labels.
struct Answers {
    a2: &'static [&'static str],
    slump: [&'static str; 4],
    b2: &'static [&'static str],
    b3: &'static [&'static str],
}

const HAMSTRING: Answers = Answers {
    a2: &["5", "Back of thigh", "Stretch or pull", "Yes"],
    slump: ["No change"; 4],
    b2: &["5", "Back of thigh", "Stretch or pull", "No"],
    b3: &["No change", "No"],
};

const TINGLING_CALF: Answers = Answers {
    a2: &["6", "Upper calf", "Tingling", "Yes"],
    slump: ["No change", "No change", "Stronger", "No change"],
    b2: &["4", "Upper calf", "Tingling", "No"],
    b3: &["No change", "No"],
};

/// Both legs bother: the slump test on the left leg then the right, then the
/// stretch on the left then the right. `seen` gets the text of every card.
fn both_legs_check(d: &mut Driver, left: &Answers, right: &Answers, seen: &mut Vec<String>) {
    d.pass_safety(false);
    d.tap(tension_check::core::wording::screens::setup::BOTH);
    d.expect(wording::SETUP_BOTH_LEGS);
    assert!(!d.sees(wording::SETUP_REFERENCE), "no reference leg to offer");
    seen.extend(d.texts());
    d.tap("Start");
    for answers in [left, right] {
        seen.extend(d.texts());
        d.card(&[]);
        seen.extend(d.texts());
        d.card(answers.a2);
        for change in answers.slump {
            seen.extend(d.texts());
            d.card(&[change]);
        }
    }
    for answers in [left, right] {
        seen.extend(d.texts());
        d.card(&[]);
        seen.extend(d.texts());
        d.card(answers.b2);
        seen.extend(d.texts());
        d.card(answers.b3);
    }
}

#[test]
fn the_both_legs_set_up_goes_through_to_a_result_on_a_phone() {
    let mut d = Driver::new(PHONE);
    let mut seen = Vec::new();
    both_legs_check(&mut d, &HAMSTRING, &HAMSTRING, &mut seen);
    assert!(seen.iter().all(|t| !t.contains("(reference)")), "no leg is the reference");
    let state = result(&d).expect("on the result");
    assert_eq!(state.outcome().tier, Tier::HamstringTightnessLikely);
    assert!(state.check().both_bothered);
    assert_eq!(state.check().bothered, None);
    assert!(state.outcome().legs.iter().all(|l| !l.reference && l.verdict == LegVerdict::Muscle));
    assert!(state.outcome().reasons.contains(&Reason::BothLegsBothered));
    d.expect("Hamstring tightness likely");
    if d.sees(&result_words::show_all(state.outcome().reasons.len())) {
        d.tap(&result_words::show_all(state.outcome().reasons.len()));
    }
    d.expect(&wording::reason(&Reason::BothLegsBothered));
}

#[test]
fn the_re_asked_both_legs_question_answered_yes_is_an_emergency_and_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    both_legs_check(&mut d, &TINGLING_CALF, &TINGLING_CALF, &mut Vec::new());
    // Asked again before the result, and nothing saved until it is answered.
    d.expect(result_words::BOTH_LEGS_AGAIN);
    assert!(result(&d).is_some_and(|s| s.asking_again()));
    assert!(Store::open(dir.path()).expect("store").load_all().sessions.is_empty());
    d.tap("Yes");
    d.expect("Emergency");
    d.expect(result_words::EMERGENCY_CALL);
    let state = result(&d).expect("on the result");
    assert_eq!(state.outcome().tier, Tier::Emergency);
    assert!(state.outcome().reasons.contains(&Reason::BothLegsInDailyLife));

    let saved = Store::open(dir.path()).expect("store").load_all().sessions;
    assert_eq!(saved.len(), 1, "saved once, with the answer");
    let session = &saved[0].session;
    assert_eq!(session.check.both_legs_again, Some(true));
    assert!(session.check.both_bothered);
    assert_eq!(session.outcome.tier, Tier::Emergency);
}

#[test]
fn answered_no_the_result_is_the_tests_own_and_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    both_legs_check(&mut d, &TINGLING_CALF, &TINGLING_CALF, &mut Vec::new());
    d.tap("No");
    let state = result(&d).expect("on the result");
    assert_eq!(state.outcome().tier, Tier::NerveTensionLikely);
    assert!(!state.asking_again());
    let saved = Store::open(dir.path()).expect("store").load_all().sessions;
    assert_eq!(saved[0].session.check.both_legs_again, Some(false));
}

/// Whether `text` holds a step code such as "A4" or "B2" as a word of its own.
fn has_step_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).enumerate().any(|(i, w)| {
        let code = matches!((w[0], w[1]), ('A', '1'..='6') | ('B', '1'..='3'));
        let before = i == 0 || !chars[i - 1].is_alphanumeric();
        let after = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
        code && before && after
    })
}

#[test]
fn no_step_code_on_any_patient_screen_of_a_whole_check() {
    assert!(has_step_code("at step A4, toes") && has_step_code("(B2)"));
    assert!(!has_step_code("A44 BA2 Tab"));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Driver::with_data_dir(PHONE, dir.path());
    let mut seen = Vec::new();
    seen.extend(d.texts());
    // A whole check with a reference leg: safety questions, set-up, every card and
    // transition card, the result with all its reasons, the help of a card.
    d.tap("New check");
    for _ in 0..tension_check::core::RedFlag::ALL.len() {
        seen.extend(d.texts());
        d.tap("No");
    }
    seen.extend(d.texts());
    d.tap("No");
    seen.extend(d.texts());
    d.tap("Right");
    d.tap("Yes");
    seen.extend(d.texts());
    d.tap("Start");
    let reference = Answers {
        a2: &["2", "Back of thigh", "Stretch or pull", "No"],
        slump: ["No change"; 4],
        b2: &["2", "Back of thigh", "Stretch or pull", "No"],
        b3: &["No change", "No"],
    };
    let bothered = Answers {
        a2: &["6", "Back of knee", "Upper calf", "Tingling", "Yes"],
        slump: ["Eased", "Stronger", "Stronger", "Eased"],
        b2: &["4", "Buttock", "Tingling", "No"],
        b3: &["Stronger", "No"],
    };
    for answers in [&reference, &bothered] {
        seen.extend(d.texts());
        d.card(&[]);
        seen.extend(d.texts());
        d.tap("Help");
        seen.extend(d.texts());
        d.tap("Close");
        d.card(answers.a2);
        for change in answers.slump {
            seen.extend(d.texts());
            d.card(&[change]);
        }
    }
    for answers in [&reference, &bothered] {
        seen.extend(d.texts());
        d.card(&[]);
        seen.extend(d.texts());
        d.card(answers.b2);
        seen.extend(d.texts());
        d.card(answers.b3);
    }
    let outcome = result(&d).expect("on the result").outcome().clone();
    assert_eq!(outcome.tier, Tier::NerveTensionLikely);
    seen.extend(d.texts());
    let all = result_words::show_all(outcome.reasons.len());
    if d.sees(&all) {
        d.tap(&all);
    }
    seen.extend(d.texts());
    // The exercises, the history, the session's detail and the trends.
    d.tap(result_words::EXERCISES);
    seen.extend(d.texts());
    if d.sees("Next exercise") {
        d.tap("Next exercise");
        seen.extend(d.texts());
    }
    d.tap("Done");
    d.tap("Done");
    d.tap("History");
    seen.extend(d.texts());
    d.tap(wording::tier_label(Tier::NerveTensionLikely));
    seen.extend(d.texts());
    d.tap("Back");
    d.tap("Trends");
    seen.extend(d.texts());

    let with_codes: Vec<&String> = seen.iter().filter(|t| has_step_code(t)).collect();
    assert!(with_codes.is_empty(), "step codes on a patient screen: {with_codes:#?}");
    assert!(seen.len() > 200, "walked {} texts", seen.len());
}

#[test]
fn home_and_the_first_step_give_one_time_estimate() {
    let mut d = Driver::new(PHONE);
    d.expect(&wording::home_intro());
    assert!(wording::home_intro().contains("about 7 minutes"));
    d.pass_safety(false);
    d.set_up("Right", true);
    d.expect("Step 1 of 18 · about 7 minutes left");
}

//! The step cards: every step of both tests, per leg, reference leg first, with the
//! response controls each step asks for. Answers are kept when going back and forth.
//! A short transition card comes between legs and between tests; every test card has
//! a stop control and a hold countdown.

use std::collections::HashMap;
use std::time::Duration;

use iced::time::Instant;

use crate::core::guide::speaking_time;
use crate::core::protocol::{self, Ask, Card};
use crate::core::wording::screens::check as words;
use crate::core::{Change, Check, Cue, Draft, Familiar, Leg, Quality, Region, StepAnswer, wording};
use crate::ui::keys::Shortcut;
use crate::ui::widgets::hold::Hold;

mod view;

/// A check in progress.
#[derive(Debug, Clone)]
pub struct State {
    check: Check,
    /// Whether the other leg comes first, as a reference.
    reference_first: bool,
    cards: Vec<Card>,
    index: usize,
    answers: HashMap<Card, StepAnswer>,
    confirm_quit: bool,
    /// The question the keyboard answers (an index into the questions on show);
    /// Tab and Shift+Tab move it.
    focus: usize,
    /// Whether the person has moved between questions with the keyboard, so the
    /// number keys of each option are shown.
    keyboard: bool,
    /// Whether the transition card before the current card is on show.
    transition: bool,
    /// The current card's hold countdown, on cards with a hold.
    hold: Option<Hold>,
    /// Whether holds start by themselves when a card opens.
    auto_hold: bool,
    /// Whether the voice reads the cards: a hold then starts by itself once its
    /// instruction has been read ([`speaking_time`]).
    voice: bool,
    /// Until the hold starts by itself: how long the instruction takes to say, and
    /// the first tick's moment since the card opened.
    waiting: Option<(Duration, Option<Instant>)>,
    /// What to say and sound, gathered by [`State::update`] for the app to play.
    cues: Vec<Cue>,
    /// Whether movement steps show their movement (not with "reduce motion").
    animate: bool,
    /// The first tick since the card opened, and the frame of its movement now.
    motion: (Option<Instant>, usize),
    /// Whether the voice and the sound are both off (the card's mute button).
    muted: bool,
}

/// What the person did on a card.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Intensity(u8),
    Region(Region),
    Quality(Quality),
    Familiar(Familiar),
    Change(Change),
    SharpPain(bool),
    /// The answer to "did sharp or shooting pain come on with this movement?", asked
    /// when Sharp or Shooting is chosen: `true` stops the test.
    SharpCameOn(bool),
    Spread(bool),
    /// The keyboard moves to another question of the card (an index into those on show).
    Focus(usize),
    /// Starts the hold countdown.
    StartHold,
    /// Time passed, up to this moment (for the countdown).
    Tick(iced::time::Instant),
    /// Stop the test here.
    Stop,
    /// The mute button: the voice and the sound off (`true`), or back on.
    Mute(bool),
    Next,
    Back,
    Quit,
    ConfirmQuit,
    KeepGoing,
}

/// What the app should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    None,
    /// Back from the first card to set-up.
    Back,
    /// The person quit (and confirmed it).
    Quit,
    /// Every card is done, or a stop sign ended the check: grade it.
    Finished(Check),
    /// The voice and the sound off (`true`), or back on.
    Mute(bool),
}

impl State {
    /// Starts the cards for a check whose safety answers and set-up are in `check`.
    /// When both legs bother (`check.both_bothered`), no leg is the reference: the
    /// legs are tested in the order `bothered`'s other leg, then `bothered`.
    pub fn new(mut check: Check, bothered: Leg, reference_first: bool) -> Self {
        check.bothered = (!check.both_bothered).then_some(bothered);
        let cards = protocol::plan(bothered, reference_first, check.injury == Some(true));
        let mut state = State {
            check,
            reference_first,
            cards,
            index: 0,
            answers: HashMap::new(),
            confirm_quit: false,
            focus: 0,
            keyboard: false,
            transition: false,
            hold: None,
            auto_hold: false,
            voice: false,
            waiting: None,
            cues: Vec::new(),
            animate: false,
            motion: (None, 0),
            muted: false,
        };
        state.arrive();
        state
    }

    /// The same check read aloud (or not): see [`State::set_voice`].
    pub fn with_voice(mut self, voice: bool) -> Self {
        self.voice = voice;
        self.cues.clear();
        self.arrive();
        self
    }

    /// Turns the voice on or off for the cards to come; off, a hold waiting for its
    /// instruction to be read waits for a tap instead.
    pub fn set_voice(&mut self, voice: bool) {
        self.voice = voice;
        if !voice {
            self.waiting = None;
        }
    }

    /// Tells the cards whether the voice and the sound are both off, for their mute
    /// button.
    pub fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
    }

    /// The same check, told whether the voice and the sound are both off.
    pub fn with_muted(mut self, muted: bool) -> Self {
        self.muted = muted;
        self
    }

    /// The same check with moving drawings (or still ones, to reduce motion).
    pub fn with_motion(mut self, animate: bool) -> Self {
        self.animate = animate;
        self
    }

    /// Whether the card on show is drawing its movement (the app then sends ticks
    /// often enough for it).
    pub fn animating(&self) -> bool {
        self.animate
            && !self.transition
            && crate::ui::motion::start_source(self.card().step).is_some()
    }

    /// The frame of the movement on show.
    pub fn motion_frame(&self) -> usize {
        self.motion.1
    }

    /// What to say and sound since the last call, in order.
    pub fn take_cues(&mut self) -> Vec<Cue> {
        std::mem::take(&mut self.cues)
    }

    /// The same check with holds that start by themselves (a setting).
    pub fn with_auto_hold(mut self, auto: bool) -> Self {
        self.auto_hold = auto;
        self.cues.clear();
        self.arrive();
        self
    }

    /// A card (or transition) has just opened: reset its keyboard focus and hold, and
    /// read its instruction; with the voice on, its hold starts once that is said.
    fn arrive(&mut self) {
        self.focus = 0;
        self.waiting = None;
        self.motion = (None, 0);
        let step = self.card().step;
        self.hold = match (self.transition, step.hold_seconds()) {
            (false, Some(seconds)) => Some(Hold::new(seconds)),
            _ => None,
        };
        if self.transition {
            return;
        }
        let instruction = wording::step_instruction(step);
        self.cues.push(Cue::Say(instruction.to_string()));
        if self.hold.is_some() {
            if self.auto_hold {
                self.start_hold(None);
            } else if self.voice {
                self.waiting = Some((speaking_time(instruction), None));
            }
        }
    }

    /// Starts the hold, at `now` if known (else at the next tick).
    fn start_hold(&mut self, now: Option<Instant>) {
        self.waiting = None;
        if let Some(hold) = &mut self.hold {
            hold.start();
            if let Some(now) = now {
                hold.tick(now);
            }
            self.cues.push(Cue::HoldStart);
            self.cues.push(Cue::Count(hold.remaining()));
        }
    }

    /// Time passed: a waiting hold may start, a running one counts, and its end is
    /// chimed and said, followed by the card's first question.
    fn tick(&mut self, now: Instant) {
        if self.animating() {
            let since = *self.motion.0.get_or_insert(now);
            let ms = now.saturating_duration_since(since).as_millis() as u64;
            self.motion.1 = (ms / crate::ui::motion::FRAME_MS) as usize % crate::ui::motion::FRAMES;
        }
        if let Some((wait, since)) = &mut self.waiting {
            let since = *since.get_or_insert(now);
            if now.saturating_duration_since(since) >= *wait {
                self.start_hold(Some(now));
            }
            return;
        }
        let Some(hold) = &mut self.hold else { return };
        if !hold.counting() {
            return;
        }
        let before = hold.remaining();
        hold.tick(now);
        let after = hold.remaining();
        if hold.done() {
            self.cues.push(Cue::HoldEnd);
            self.cues.push(Cue::Say(words::HOLD_DONE.to_string()));
            if let Some(&ask) = self.questions().first() {
                self.cues.push(Cue::Say(view::prompt(self.card(), ask).to_string()));
            }
        } else if after < before {
            self.cues.push(Cue::Count(after));
        }
    }

    /// Whether the app must send ticks: a countdown runs, or waits for the instruction
    /// to be read.
    pub fn counting(&self) -> bool {
        self.waiting.is_some() || self.hold.is_some_and(|h| h.counting()) || self.animating()
    }

    /// The hold countdown of the card on show, if it has one.
    pub fn hold(&self) -> Option<&Hold> {
        self.hold.as_ref()
    }

    /// Whether a transition card (between legs or tests) is on show.
    pub fn in_transition(&self) -> bool {
        self.transition
    }

    /// Whether card `index` starts a new leg or a new test.
    fn starts_section(&self, index: usize) -> bool {
        index > 0 && {
            let (before, this) = (self.cards[index - 1], self.cards[index]);
            before.leg != this.leg || before.step.test() != this.step.test()
        }
    }

    /// Where this check stands, to be kept and taken up again with [`State::resume`].
    pub fn draft(&self) -> Draft {
        let mut answers: Vec<(Card, StepAnswer)> =
            self.answers.iter().map(|(card, answer)| (*card, answer.clone())).collect();
        answers.sort_by_key(|(card, _)| self.cards.iter().position(|c| c == card));
        Draft {
            check: self.check.clone(),
            reference_first: self.reference_first,
            answers,
            card: self.index,
            transition: self.transition,
        }
    }

    /// Takes a kept check up again on the card where it stood, with its answers; `None`
    /// if the draft names no bothered leg. Answers to cards outside the check's plan
    /// are dropped and intensities kept within 0-10, as if given by taps.
    pub fn resume(draft: Draft, auto_hold: bool) -> Option<State> {
        let bothered = draft.check.bothered.or(draft.check.both_bothered.then_some(Leg::Right))?;
        let mut state = State::new(draft.check, bothered, draft.reference_first);
        state.auto_hold = auto_hold;
        for (card, mut answer) in draft.answers {
            if state.cards.contains(&card) {
                answer.intensity = answer.intensity.map(|n| n.min(crate::core::MAX_INTENSITY));
                state.answers.insert(card, answer);
            }
        }
        state.index = draft.card.min(state.cards.len().saturating_sub(1));
        state.transition = draft.transition && state.starts_section(state.index);
        state.cues.clear();
        state.arrive();
        Some(state)
    }

    /// The safety answers and set-up this check started from.
    pub fn base_check(&self) -> &Check {
        &self.check
    }

    /// The card on screen.
    pub fn card(&self) -> Card {
        self.cards[self.index]
    }

    /// Which page of the check is on screen (each card and each transition card has
    /// its own): the app opens each at its top when this changes.
    pub fn position(&self) -> usize {
        self.index * 2 + usize::from(self.transition)
    }

    /// Whether the quit question is on show.
    pub fn confirming_quit(&self) -> bool {
        self.confirm_quit
    }

    /// The questions on show for the current answers: where and what it feels like
    /// are not asked when nothing is felt.
    fn questions(&self) -> Vec<Ask> {
        let nothing_felt = self.answer().intensity == Some(0);
        self.card()
            .step
            .asks()
            .iter()
            .copied()
            .filter(|ask| {
                !(nothing_felt && matches!(ask, Ask::Regions | Ask::Qualities | Ask::Familiar))
            })
            .collect()
    }

    /// The question the keyboard answers.
    fn focused(&self) -> Option<Ask> {
        let questions = self.questions();
        questions.get(self.focus.min(questions.len().saturating_sub(1))).copied()
    }

    /// The answers given so far on the card on show.
    pub fn answer(&self) -> StepAnswer {
        self.answers.get(&self.card()).cloned().unwrap_or_default()
    }

    fn answer_mut(&mut self) -> &mut StepAnswer {
        let card = self.card();
        self.answers.entry(card).or_default()
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Intensity(n) => {
                self.answer_mut().intensity = Some(n.min(crate::core::MAX_INTENSITY))
            }
            Message::Region(region) => toggle(&mut self.answer_mut().regions, region),
            Message::Quality(quality) => toggle(&mut self.answer_mut().qualities, quality),
            Message::Familiar(familiar) => self.answer_mut().familiar = Some(familiar),
            Message::Change(change) => self.answer_mut().change = Some(change),
            Message::SharpPain(yes) | Message::SharpCameOn(yes) => {
                self.answer_mut().sharp_pain = Some(yes);
                if yes {
                    return self.stop();
                }
            }
            Message::Spread(yes) => {
                self.answer_mut().spread = Some(yes);
                if yes {
                    return self.stop();
                }
            }
            Message::Focus(index) => {
                self.focus = index.min(self.questions().len().saturating_sub(1));
                self.keyboard = true;
            }
            Message::StartHold => self.start_hold(None),
            Message::Tick(now) => self.tick(now),
            Message::Stop => {
                if self.card().step.is_test_card() && !self.transition {
                    return self.stop();
                }
            }
            Message::Next if self.transition => {
                self.transition = false;
                self.arrive();
            }
            Message::Next => {
                if self.answer().first_missing(self.card().step).is_some() || self.asking_sharp() {
                    return Action::None;
                }
                if self.index + 1 == self.cards.len() {
                    return Action::Finished(self.assemble(None));
                }
                self.index += 1;
                self.transition = self.starts_section(self.index);
                self.arrive();
            }
            Message::Back => {
                if self.transition {
                    self.transition = false;
                    self.index -= 1;
                } else if self.starts_section(self.index) {
                    self.transition = true;
                } else if self.index == 0 {
                    return Action::Back;
                } else {
                    self.index -= 1;
                }
                self.arrive();
            }
            Message::Mute(muted) => return Action::Mute(muted),
            Message::Quit => self.confirm_quit = true,
            Message::KeepGoing => self.confirm_quit = false,
            Message::ConfirmQuit => return Action::Quit,
        }
        Action::None
    }

    /// Whether the card asks, in place of its action bar, whether the sharp or
    /// shooting feeling just chosen came on with this movement: until answered, the
    /// card cannot move on.
    pub fn asking_sharp(&self) -> bool {
        let answer = self.answer();
        !self.transition && answer.sharp_pain.is_none() && answer.sharp_quality()
    }

    /// Takes back the stop that ended the check ("I tapped stop by mistake"): the card
    /// where it stopped is on show again with its answers, less the Yes that stopped
    /// it, so that question is asked again.
    pub fn undo_stop(&mut self) {
        let answer = self.answer_mut();
        if answer.sharp_pain == Some(true) {
            answer.sharp_pain = None;
        }
        if answer.spread == Some(true) {
            answer.spread = None;
        }
        self.transition = false;
        self.confirm_quit = false;
        self.arrive();
    }

    /// A stop sign: end the check now with what was recorded so far, with the stop's
    /// sound and words.
    fn stop(&mut self) -> Action {
        self.cues.push(Cue::Stop);
        self.cues.push(Cue::Say(crate::core::wording::screens::result::TEST_STOPPED.to_string()));
        Action::Finished(self.assemble(Some(self.card())))
    }

    /// The check with the answers of every card up to and including the current one.
    fn assemble(&self, stopped_at: Option<Card>) -> Check {
        let mut check = self.check.clone();
        check.legs.clear();
        for card in &self.cards[..=self.index] {
            check.record(*card, self.answers.get(card).cloned().unwrap_or_default());
        }
        check.stopped_at = stopped_at;
        check
    }

    /// The message a keyboard shortcut stands for on this card.
    pub fn on_key(&self, key: Shortcut) -> Option<Message> {
        let asks = self.card().step.asks();
        let answer = self.answer();
        if self.confirm_quit {
            return match key {
                Shortcut::Escape | Shortcut::No => Some(Message::KeepGoing),
                Shortcut::Yes => Some(Message::ConfirmQuit),
                _ => None,
            };
        }
        if self.asking_sharp() {
            return match key {
                Shortcut::Yes => Some(Message::SharpCameOn(true)),
                Shortcut::No => Some(Message::SharpCameOn(false)),
                Shortcut::Escape => Some(Message::Quit),
                _ => None,
            };
        }
        let questions = self.questions().len();
        let focused = self.focused();
        if self.transition {
            return match key {
                Shortcut::Primary => Some(Message::Next),
                Shortcut::Back => Some(Message::Back),
                Shortcut::Escape => Some(Message::Quit),
                _ => None,
            };
        }
        match key {
            Shortcut::Primary => Some(Message::Next),
            Shortcut::Back => Some(Message::Back),
            Shortcut::Escape => Some(Message::Quit),
            Shortcut::NextField if questions > 0 => {
                Some(Message::Focus((self.focus.min(questions - 1) + 1) % questions))
            }
            Shortcut::PreviousField if questions > 0 => {
                Some(Message::Focus((self.focus.min(questions - 1) + questions - 1) % questions))
            }
            Shortcut::Digit(d) if focused == Some(Ask::Regions) => {
                option_for_key(d, &Region::ALL).map(Message::Region)
            }
            Shortcut::Digit(d) if focused == Some(Ask::Qualities) => {
                option_for_key(d, &Quality::ALL).map(Message::Quality)
            }
            Shortcut::Digit(d) if asks.contains(&Ask::Intensity) => {
                // 1 then 0 gives 10.
                let value = if d == 0 && answer.intensity == Some(1) { 10 } else { d };
                Some(Message::Intensity(value))
            }
            Shortcut::Eased if asks.contains(&Ask::Change) => Some(Message::Change(Change::Eased)),
            Shortcut::NoChange if asks.contains(&Ask::Change) => {
                Some(Message::Change(Change::NoChange))
            }
            Shortcut::Stronger if asks.contains(&Ask::Change) => {
                Some(Message::Change(Change::Stronger))
            }
            Shortcut::Yes | Shortcut::No => {
                let yes = key == Shortcut::Yes;
                if asks.contains(&Ask::Familiar) {
                    Some(Message::Familiar(if yes { Familiar::Yes } else { Familiar::No }))
                } else if asks.contains(&Ask::SharpPain) {
                    Some(Message::SharpPain(yes))
                } else if asks.contains(&Ask::Spread) {
                    Some(Message::Spread(yes))
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

/// The option a number key picks: 1 is the first.
fn option_for_key<T: Copy>(digit: u8, options: &[T]) -> Option<T> {
    usize::from(digit).checked_sub(1).and_then(|i| options.get(i)).copied()
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

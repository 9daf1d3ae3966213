//! The step cards: every step of both tests, per leg, reference leg first, with the
//! response controls each step asks for. Answers are kept when going back and forth.
//! A short transition card comes between legs and between tests; every test card has
//! a stop control and a hold countdown.

use std::collections::HashMap;
use std::time::Duration;

use iced::time::Instant;

use crate::core::protocol::{self, Card};
use crate::core::{Change, Check, Cue, Draft, Familiar, Leg, Quality, Region, StepAnswer};
use crate::ui::widgets::hold::Hold;

mod answering;
mod hold;
mod keys;
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
    /// instruction has been read ([`speaking_time`](crate::core::guide::speaking_time)).
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
}

//! The check's screens, from Home to the result and its exercises: what each
//! screen's action leads to (another screen, and disk work to do).

use super::*;

impl App {
    pub(super) fn on_home(
        &mut self,
        mut state: home::State,
        message: home::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        match state.update(message) {
            home::Action::StartCheck if !self.prefs.settings.intro_seen => {
                (Screen::Intro(intro::State::BeforeFirstCheck), none)
            }
            home::Action::StartCheck => {
                self.run.started_at = Some(Local::now().fixed_offset());
                (Screen::Safety(safety::State::default()), none)
            }
            home::Action::Intro => (Screen::Intro(intro::State::FromHome), none),
            home::Action::History => self.open_history(),
            home::Action::Settings => (Screen::Settings(settings::State), none),
        }
    }

    pub(super) fn on_intro(
        &mut self,
        mut state: intro::State,
        message: intro::Message,
    ) -> (Screen, Effect) {
        match state.update(message) {
            intro::Action::Home => (Screen::Home(home::State), Effect::None),
            intro::Action::StartCheck => {
                self.run.started_at = Some(Local::now().fixed_offset());
                self.prefs.settings.intro_seen = true;
                (
                    Screen::Safety(safety::State::default()),
                    Effect::SaveSettings(self.prefs.settings.clone()),
                )
            }
        }
    }

    pub(super) fn on_safety(
        &mut self,
        mut state: safety::State,
        message: safety::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        match state.update(message) {
            safety::Action::None => (Screen::Safety(state), none),
            safety::Action::Cancel => (Screen::Home(home::State), none),
            safety::Action::RedFlag(red_flags) => self.finish(Check { red_flags, ..Check::new() }),
            safety::Action::Done { red_flags, injury } => {
                let check = Check { red_flags, injury: Some(injury), ..Check::new() };
                (Screen::Setup { state: setup::State::new(injury), safety: state, check }, none)
            }
        }
    }

    pub(super) fn on_setup(
        &mut self,
        mut state: setup::State,
        safety: safety::State,
        check: Check,
        message: setup::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        match state.update(message) {
            setup::Action::None => (Screen::Setup { state, safety, check }, none),
            setup::Action::Back => (Screen::Safety(safety), none),
            setup::Action::Start { bothered, reference_first, both } => {
                let check = Check { both_bothered: both, ..check };
                let cards = check::State::new(check, bothered, reference_first)
                    .with_auto_hold(self.prefs.settings.auto_countdown)
                    .with_voice(self.prefs.settings.voice)
                    .with_motion(self.moving_drawings())
                    .with_muted(self.muted());
                (Screen::Check { state: Box::new(cards), setup: state, safety }, none)
            }
        }
    }

    pub(super) fn on_check(
        &mut self,
        mut state: Box<check::State>,
        setup: setup::State,
        safety: safety::State,
        message: check::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        let action = state.update(message);
        // Played once the page is settled (see `handle`), the stop's too.
        self.voice.cues.extend(state.take_cues());
        match action {
            check::Action::None => (Screen::Check { state, setup, safety }, none),
            check::Action::Back => {
                (Screen::Setup { check: state.base_check().clone(), state: setup, safety }, none)
            }
            check::Action::Quit => (Screen::Home(home::State), none),
            check::Action::Finished(check) if check.stopped_at.is_some() => {
                self.stop(check, state, setup, safety)
            }
            check::Action::Finished(check) => self.finish(check),
            check::Action::Mute(muted) => {
                self.route(Screen::Check { state, setup, safety }, Message::Mute(muted))
            }
        }
    }

    /// A check stopped at a card: graded and saved like any other, and kept so that
    /// a stop made by mistake can be taken back from its result.
    fn stop(
        &mut self,
        check: Check,
        state: Box<check::State>,
        setup: setup::State,
        safety: safety::State,
    ) -> (Screen, Effect) {
        // Stopped by an answer (sharp pain, spreading), or by the stop button.
        let answer = state.answer();
        let kind = if answer.sharp_pain == Some(true) || answer.spread == Some(true) {
            result::StopKind::Answer
        } else {
            result::StopKind::Button
        };
        let (screen, effect) = self.finish(check);
        let Screen::Result(result) = screen else { return (screen, effect) };
        if let Some(session) = &self.run.pending {
            let (id, started_at) = (session.id.clone(), session.started_at);
            self.run.stopped = Some(Stopped { state, setup, safety, id, started_at });
        }
        (Screen::Result(Box::new(result.with_undo(kind))), effect)
    }

    pub(super) fn on_result(
        &mut self,
        mut state: Box<result::State>,
        message: result::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        match state.update(message) {
            result::Action::None => (Screen::Result(state), none),
            result::Action::Call(number) => (Screen::Result(state), Effect::Call(number)),
            result::Action::UndoStop => match self.run.stopped.take() {
                Some(stopped) => self.undo_stop(stopped, state.save_status()),
                None => (Screen::Result(state), none),
            },
            result::Action::Exercises => match exercises::State::new(state.outcome()) {
                Some(cards) => (
                    Screen::Exercises {
                        state: Box::new(cards),
                        back: ExercisesBack::Result(state),
                    },
                    none,
                ),
                None => (Screen::Result(state), none),
            },
            result::Action::Home => (Screen::Home(home::State), none),
            result::Action::BothLegsAgain(yes) => {
                let check = Check { both_legs_again: Some(yes), ..state.check().clone() };
                self.finish(check)
            }
            result::Action::RetrySave => {
                let effect = match &self.run.pending {
                    Some(session) => Effect::Save(Box::new(session.clone())),
                    None => none,
                };
                (Screen::Result(state), effect)
            }
        }
    }

    pub(super) fn on_exercises(
        &mut self,
        mut state: Box<exercises::State>,
        back: ExercisesBack,
        message: exercises::Message,
    ) -> (Screen, Effect) {
        let screen = match state.update(message) {
            exercises::Action::None => Screen::Exercises { state, back },
            exercises::Action::Close => match back {
                ExercisesBack::Result(result) => Screen::Result(result),
                ExercisesBack::Detail(detail) => Screen::Detail(*detail),
            },
        };
        (screen, Effect::None)
    }

    /// Grades a finished (or stopped) check, shows the result and saves the session.
    pub(super) fn finish(&mut self, check: Check) -> (Screen, Effect) {
        let outcome = grade(&check);
        // Both legs showed nerve-type feelings below the knee: the both-legs question
        // is asked again first, and the session is saved with its answer.
        if asks_both_legs_again(&check) {
            return (Screen::Result(Box::new(result::State::new(check, outcome))), Effect::None);
        }
        let started_at = self.run.started_at.take().unwrap_or_else(|| Local::now().fixed_offset());
        let session = Session::new(check.clone(), outcome.clone(), started_at);
        self.run.pending = Some(session.clone());
        (
            Screen::Result(Box::new(
                result::State::new(check, outcome).with_calls(self.window.call_buttons),
            )),
            Effect::Save(Box::new(session)),
        )
    }

    /// Takes back a stop made by mistake: the card where it stopped, with its
    /// answers, and the stopped session is not kept (moved to the trash if it was
    /// saved, never written if its save is still under way or failed).
    fn undo_stop(&mut self, stopped: Stopped, save: &result::SaveStatus) -> (Screen, Effect) {
        let Stopped { mut state, setup, safety, id, started_at } = stopped;
        state.undo_stop();
        self.run.started_at = Some(started_at);
        self.run.pending = None;
        let effect = match save {
            result::SaveStatus::Saved => Effect::Delete(id),
            result::SaveStatus::Saving => {
                self.run.discard = Some(id);
                Effect::None
            }
            result::SaveStatus::Failed(_) => Effect::None,
        };
        (Screen::Check { state, setup, safety }, effect)
    }
}

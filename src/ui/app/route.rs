//! Routing: a message for the screen on show, and what its action leads to (another
//! screen, and disk work to do).

use super::*;

impl App {
    /// Updates the state; returns the disk work to do.
    pub(super) fn handle(&mut self, message: Message) -> Effect {
        // The page on show before the message (remembered once, unguarded, at the
        // very first message), then whether the message opened another.
        self.note_page();
        let message = match message {
            Message::OnPage(key, message) if key == self.page() => *message,
            // From a page no longer on show: a tap meant for what was there.
            Message::OnPage(..) => return Effect::None,
            message => message,
        };
        let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
        let (screen, effect) = self.route(screen, message);
        self.screen = screen;
        self.note_page();
        self.play_cues();
        // A stop can be taken back only while its result is on show.
        if !matches!(self.screen, Screen::Result(_)) {
            self.stopped = None;
        }
        // The desktop keeps the check in progress at each answer, as the browser does.
        #[cfg(not(target_arch = "wasm32"))]
        self.keep_draft_in_store();
        // The summaries are held only while a screen that uses them is open: on the
        // others (Home, a check, its result), 10,000 saved sessions take no memory.
        // History reads them again whenever it opens, from the index, in milliseconds.
        if !self.screen.uses_history() && self.history.take().is_some() {
            effects::release_free_memory();
        }
        effect
    }

    fn route(&mut self, screen: Screen, message: Message) -> (Screen, Effect) {
        let none = Effect::None;
        match (screen, message) {
            (screen, Message::Resized(size)) => {
                // iced's size is after the app's own scale factor (the text size);
                // the width is kept before it, or the viewport would divide by it twice
                // and lay out a 390 px phone at 125% for 250 px instead of 312.
                self.width = size.width * self.scale_factor();
                (screen, none)
            }
            (screen, Message::CloseHelp) => {
                self.show_help = false;
                (screen, none)
            }
            (mut screen, Message::Mute(muted)) => {
                self.settings.voice = !muted;
                self.settings.sound = !muted;
                if muted {
                    self.speaker.hush();
                }
                if let Screen::Check { state, .. } = &mut screen {
                    state.set_voice(!muted);
                    state.set_muted(muted);
                }
                (screen, Effect::SaveSettings(self.settings.clone()))
            }
            (screen, Message::ToggleHelp) => {
                self.show_help = !self.show_help;
                (screen, none)
            }
            (screen @ Screen::Check { .. }, Message::Tick(now)) => {
                self.route(screen, Message::Check(check::Message::Tick(now)))
            }
            (screen @ Screen::Exercises { .. }, Message::Tick(now)) => {
                self.route(screen, Message::Exercises(exercises::Message::Tick(now)))
            }
            (screen, Message::SystemTheme(mode)) => {
                self.system_mode = mode;
                (screen, none)
            }
            (screen, Message::Key(event)) => {
                if keys::shortcut(&event).is_some() {
                    self.keyboard_seen = true;
                }
                match keys::shortcut(&event) {
                    Some(keys::Shortcut::Help) => {
                        self.show_help = !self.show_help;
                        return (screen, none);
                    }
                    // During a check, Ctrl+Q asks first, as Escape does (and asking
                    // again leaves the question up).
                    Some(keys::Shortcut::QuitApp)
                        if cfg!(not(target_arch = "wasm32"))
                            && matches!(screen, Screen::Check { .. }) =>
                    {
                        return match &screen {
                            Screen::Check { state, .. } if state.confirming_quit() => {
                                (screen, none)
                            }
                            _ => self.route(screen, Message::Check(check::Message::Quit)),
                        };
                    }
                    // A web page cannot close itself (and iced's exit freezes it).
                    Some(keys::Shortcut::QuitApp) if cfg!(not(target_arch = "wasm32")) => {
                        return (screen, Effect::Exit);
                    }
                    Some(keys::Shortcut::Escape) if self.show_help => {
                        self.show_help = false;
                        return (screen, none);
                    }
                    _ => {}
                }
                self.screen = screen;
                let message = keys::shortcut(&event).and_then(|key| self.on_key(key));
                let screen = std::mem::replace(&mut self.screen, Screen::Home(home::State));
                match message {
                    Some(message) => self.route(screen, message),
                    None => (screen, none),
                }
            }
            (screen, Message::Saved(id, result)) => {
                let mut screen = screen;
                if self.discard.as_ref() == Some(&id) {
                    // Its stop was taken back while it was being saved.
                    self.discard = None;
                    return (screen, if result.is_ok() { Effect::Delete(id) } else { none });
                }
                let saved = self.pending.as_ref().is_some_and(|s| s.id == id);
                if let Screen::Result(state) = &mut screen {
                    state.set_save_status(match &result {
                        Ok(_) => result::SaveStatus::Saved,
                        Err(why) => result::SaveStatus::Failed(why.clone()),
                    });
                }
                if let (true, Ok(())) = (saved, result)
                    && let Some(session) = self.pending.take()
                    && let Some(history) = &mut self.history
                {
                    // Keep the loaded history current without reading every file again.
                    let at = history
                        .iter()
                        .position(|s| s.started_at <= session.started_at)
                        .unwrap_or(history.len());
                    history.insert(at, SessionSummary::of(&session));
                }
                (screen, none)
            }
            (screen, Message::FirstFrame) => {
                let effect = if self.history_asked { none } else { Effect::Preload };
                self.history_asked = true;
                (screen, effect)
            }
            (mut screen, Message::Loaded(loaded)) => {
                // The only holder of the load, normally: unwrapped without a copy (the
                // summaries are then settled, or let go if no screen on show uses them).
                let loaded = Arc::unwrap_or_clone(loaded);
                let mut notices = loaded.summaries.report.messages();
                notices.extend(loaded.purged);
                self.notices = notices;
                self.history = if screen.uses_history() {
                    Some(effects::settle(loaded.summaries.sessions))
                } else {
                    drop(loaded.summaries.sessions);
                    effects::release_free_memory();
                    None
                };
                if let (Screen::Detail(state), Some((id, result))) = (&mut screen, loaded.opened)
                    && state.id() == &id
                {
                    state.refreshed(result.map(|l| *l));
                }
                (screen, none)
            }
            (mut screen, Message::Opened(id, result)) => {
                if let Screen::Detail(state) = &mut screen
                    && state.id() == &id
                    && state.is_loading()
                {
                    state.opened(result.map(|l| *l));
                }
                (screen, none)
            }
            (screen, Message::Changed(result)) => {
                match result {
                    Ok(message) if !message.is_empty() => self.notices = vec![message],
                    Ok(_) => {}
                    Err(why) => self.notices = vec![messages::failed(&why)],
                }
                (screen, Effect::Load)
            }
            (mut screen, Message::Exported { message, reload }) => {
                match &mut screen {
                    Screen::Export { state, .. } => state.set_status(message),
                    Screen::Settings(_) if !message.is_empty() => {
                        self.settings_notice = Some(message)
                    }
                    _ => {}
                }
                (screen, if reload { Effect::Load } else { none })
            }
            (Screen::Home(mut state), Message::Home(message)) => match state.update(message) {
                home::Action::StartCheck if !self.settings.intro_seen => {
                    (Screen::Intro(intro::State::BeforeFirstCheck), none)
                }
                home::Action::StartCheck => {
                    self.started_at = Some(Local::now().fixed_offset());
                    (Screen::Safety(safety::State::default()), none)
                }
                home::Action::Intro => (Screen::Intro(intro::State::FromHome), none),
                home::Action::History => self.open_history(),
                home::Action::Settings => (Screen::Settings(settings::State), none),
            },
            (Screen::Intro(mut state), Message::Intro(message)) => match state.update(message) {
                intro::Action::Home => (Screen::Home(home::State), none),
                intro::Action::StartCheck => {
                    self.started_at = Some(Local::now().fixed_offset());
                    self.settings.intro_seen = true;
                    (
                        Screen::Safety(safety::State::default()),
                        Effect::SaveSettings(self.settings.clone()),
                    )
                }
            },
            (Screen::Safety(mut state), Message::Safety(message)) => match state.update(message) {
                safety::Action::None => (Screen::Safety(state), none),
                safety::Action::Cancel => (Screen::Home(home::State), none),
                safety::Action::RedFlag(red_flags) => {
                    self.finish(Check { red_flags, ..Check::new() })
                }
                safety::Action::Done { red_flags, injury } => {
                    let check = Check { red_flags, injury: Some(injury), ..Check::new() };
                    (Screen::Setup { state: setup::State::new(injury), safety: state, check }, none)
                }
            },
            (Screen::Setup { mut state, safety, check }, Message::Setup(message)) => {
                match state.update(message) {
                    setup::Action::None => (Screen::Setup { state, safety, check }, none),
                    setup::Action::Back => (Screen::Safety(safety), none),
                    setup::Action::Start { bothered, reference_first, both } => (
                        Screen::Check {
                            state: Box::new(
                                check::State::new(
                                    Check { both_bothered: both, ..check },
                                    bothered,
                                    reference_first,
                                )
                                .with_auto_hold(self.settings.auto_countdown)
                                .with_voice(self.settings.voice)
                                .with_motion(self.moving_drawings())
                                .with_muted(self.muted()),
                            ),
                            setup: state,
                            safety,
                        },
                        none,
                    ),
                }
            }
            (Screen::Check { mut state, setup, safety }, Message::Check(message)) => {
                let action = state.update(message);
                // Played once the page is settled (see `handle`), the stop's too.
                self.cues.extend(state.take_cues());
                match action {
                    check::Action::None => (Screen::Check { state, setup, safety }, none),
                    check::Action::Back => (
                        Screen::Setup { check: state.base_check().clone(), state: setup, safety },
                        none,
                    ),
                    check::Action::Quit => (Screen::Home(home::State), none),
                    check::Action::Finished(check) if check.stopped_at.is_some() => {
                        let answer = state.answer();
                        let kind = if answer.sharp_pain == Some(true) || answer.spread == Some(true)
                        {
                            result::StopKind::Answer
                        } else {
                            result::StopKind::Button
                        };
                        let (screen, effect) = self.finish(check);
                        let Screen::Result(result) = screen else { return (screen, effect) };
                        if let Some(session) = &self.pending {
                            self.stopped = Some(Stopped {
                                state,
                                setup,
                                safety,
                                id: session.id.clone(),
                                started_at: session.started_at,
                            });
                        }
                        (Screen::Result(Box::new(result.with_undo(kind))), effect)
                    }
                    check::Action::Finished(check) => self.finish(check),
                    check::Action::Mute(muted) => {
                        self.route(Screen::Check { state, setup, safety }, Message::Mute(muted))
                    }
                }
            }
            (Screen::Result(mut state), Message::Result(message)) => match state.update(message) {
                result::Action::None => (Screen::Result(state), none),
                result::Action::Call(number) => (Screen::Result(state), Effect::Call(number)),
                result::Action::UndoStop => match self.stopped.take() {
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
                    let effect = match &self.pending {
                        Some(session) => Effect::Save(Box::new(session.clone())),
                        None => none,
                    };
                    (Screen::Result(state), effect)
                }
            },
            (Screen::History(mut state), Message::History(message)) => {
                match state.update(message) {
                    history::Action::None => (Screen::History(state), none),
                    history::Action::Home => (Screen::Home(home::State), none),
                    history::Action::Open(id) => self.open_detail(id),
                    history::Action::Undo => match self.undo.take() {
                        Some(id) => (Screen::History(state), Effect::Undo(id)),
                        None => (Screen::History(state), none),
                    },
                    history::Action::Trends => {
                        let trend = trends::trend_of(self.history.as_deref().unwrap_or_default());
                        (Screen::Trends(Box::new(trends::State::new(trend))), none)
                    }
                    history::Action::Export => {
                        (self.export_screen(export::Scope::Range, None), none)
                    }
                }
            }
            (Screen::Detail(mut state), Message::Detail(message)) => match state.update(message) {
                detail::Action::None => (Screen::Detail(state), none),
                detail::Action::Export(id) => {
                    (self.export_screen(export::Scope::Session(id.clone()), Some(id)), none)
                }
                detail::Action::Back => self.open_history(),
                detail::Action::Exercises(_) => {
                    match state.loaded().and_then(|l| exercises::State::new(&l.session.outcome)) {
                        Some(cards) => (
                            Screen::Exercises {
                                state: Box::new(cards),
                                back: ExercisesBack::Detail(Box::new(state)),
                            },
                            none,
                        ),
                        None => (Screen::Detail(state), none),
                    }
                }
                detail::Action::SaveNote { id, text } => {
                    (Screen::Detail(state), Effect::SetNote(id, text))
                }
                detail::Action::Delete(id) => {
                    self.undo = Some(id.clone());
                    (Screen::History(history::State::default()), Effect::Delete(id))
                }
            },
            (Screen::Exercises { mut state, back }, Message::Exercises(message)) => {
                match state.update(message) {
                    exercises::Action::None => (Screen::Exercises { state, back }, none),
                    exercises::Action::Close => match back {
                        ExercisesBack::Result(result) => (Screen::Result(result), none),
                        ExercisesBack::Detail(detail) => (Screen::Detail(*detail), none),
                    },
                }
            }
            (Screen::Trends(mut state), Message::Trends(message)) => match state.update(message) {
                trends::Action::Back => (Screen::History(history::State::default()), none),
            },
            (Screen::Export { mut state, from }, Message::Export(message)) => {
                match state.update(message) {
                    export::Action::None => (Screen::Export { state, from }, none),
                    export::Action::Back => match from {
                        Some(id) => self.open_detail(id),
                        None => self.open_history(),
                    },
                    export::Action::Export { format, selection, folder } => (
                        Screen::Export { state, from },
                        Effect::Export { format, selection, folder: PathBuf::from(folder) },
                    ),
                    export::Action::Import(path) => {
                        (Screen::Export { state, from }, Effect::Import(PathBuf::from(path)))
                    }
                    export::Action::SetAside { remove } => {
                        (Screen::Export { state, from }, Effect::SetAside { remove })
                    }
                }
            }
            (Screen::Settings(mut state), Message::Settings(message)) => {
                match state.update(message, &self.settings) {
                    settings::Action::Back => (Screen::Home(home::State), none),
                    settings::Action::Change(settings) => {
                        self.settings = settings.clone();
                        (Screen::Settings(state), Effect::SaveSettings(settings))
                    }
                }
            }
            // A message for a screen no longer on show (a late event): ignore it.
            (screen, _) => (screen, none),
        }
    }

    /// Grades a finished (or stopped) check, shows the result and saves the session.
    fn finish(&mut self, check: Check) -> (Screen, Effect) {
        let outcome = grade(&check);
        // Both legs showed nerve-type feelings below the knee: the both-legs question
        // is asked again first, and the session is saved with its answer.
        if asks_both_legs_again(&check) {
            return (Screen::Result(Box::new(result::State::new(check, outcome))), Effect::None);
        }
        let started_at = self.started_at.take().unwrap_or_else(|| Local::now().fixed_offset());
        let session = Session::new(check.clone(), outcome.clone(), started_at);
        self.pending = Some(session.clone());
        (
            Screen::Result(Box::new(
                result::State::new(check, outcome).with_calls(self.call_buttons),
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
        self.started_at = Some(started_at);
        self.pending = None;
        let effect = match save {
            result::SaveStatus::Saved => Effect::Delete(id),
            result::SaveStatus::Saving => {
                self.discard = Some(id);
                Effect::None
            }
            result::SaveStatus::Failed(_) => Effect::None,
        };
        (Screen::Check { state, setup, safety }, effect)
    }

    /// The detail screen of session `id`, which is read in full now.
    fn open_detail(&self, id: SessionId) -> (Screen, Effect) {
        (Screen::Detail(detail::State::loading(id.clone())), Effect::Open(id))
    }

    fn export_screen(&self, scope: export::Scope, from: Option<SessionId>) -> Screen {
        let sessions = self.history.as_deref().unwrap_or_default();
        let range = match (sessions.last(), sessions.first()) {
            (Some(oldest), Some(newest)) => {
                Some((oldest.started_at.date_naive(), newest.started_at.date_naive()))
            }
            _ => None,
        };
        Screen::Export {
            state: Box::new(
                export::State::new(scope, range, effects::export_places())
                    .with_set_aside(self.store.set_aside().map_or(0, |found| found.len())),
            ),
            from,
        }
    }

    fn open_history(&mut self) -> (Screen, Effect) {
        self.history_asked = true;
        (Screen::History(history::State::default()), Effect::Load)
    }

    /// The message a keyboard shortcut stands for on the screen on show.
    fn on_key(&self, key: keys::Shortcut) -> Option<Message> {
        match &self.screen {
            Screen::Home(state) => state.on_key(key).map(Message::Home),
            Screen::Intro(state) => state.on_key(key).map(Message::Intro),
            Screen::Safety(state) => state.on_key(key).map(Message::Safety),
            Screen::Setup { state, .. } => state.on_key(key).map(Message::Setup),
            Screen::Check { state, .. } => state.on_key(key).map(Message::Check),
            Screen::Result(state) => state.on_key(key).map(Message::Result),
            Screen::Exercises { state, .. } => state.on_key(key).map(Message::Exercises),
            Screen::History(state) => state.on_key(key).map(Message::History),
            Screen::Detail(state) => state.on_key(key).map(Message::Detail),
            Screen::Trends(state) => state.on_key(key).map(Message::Trends),
            Screen::Export { state, .. } => state.on_key(key).map(Message::Export),
            Screen::Settings(state) => state.on_key(key).map(Message::Settings),
        }
    }
}

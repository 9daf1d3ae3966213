//! The screens around the history (the list, a session, its export) and Settings:
//! what each screen's action leads to. Sessions are opened by their id, never by
//! their place in a list, so a list changed under a tap still opens the one tapped.

use super::*;

impl App {
    pub(super) fn on_history(
        &mut self,
        mut state: history::State,
        message: history::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        match state.update(message) {
            history::Action::None => (Screen::History(state), none),
            history::Action::Home => (Screen::Home(home::State), none),
            history::Action::Open(id) => self.open_detail(id),
            history::Action::Undo => match self.records.undo.take() {
                Some(id) => (Screen::History(state), Effect::Undo(id)),
                None => (Screen::History(state), none),
            },
            history::Action::Trends => {
                let sessions = self.records.summaries.as_deref().unwrap_or_default();
                let trend = trends::trend_of(sessions);
                (Screen::Trends(Box::new(trends::State::new(trend))), none)
            }
            history::Action::Export => (self.export_screen(export::Scope::Range, None), none),
        }
    }

    pub(super) fn on_detail(
        &mut self,
        mut state: detail::State,
        message: detail::Message,
    ) -> (Screen, Effect) {
        let none = Effect::None;
        match state.update(message) {
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
                self.records.undo = Some(id.clone());
                (Screen::History(history::State::default()), Effect::Delete(id))
            }
        }
    }

    pub(super) fn on_export(
        &mut self,
        mut state: Box<export::State>,
        from: Option<SessionId>,
        message: export::Message,
    ) -> (Screen, Effect) {
        let effect = match state.update(message) {
            export::Action::None => Effect::None,
            export::Action::Back => {
                return match from {
                    Some(id) => self.open_detail(id),
                    None => self.open_history(),
                };
            }
            export::Action::Export { format, selection, folder } => {
                Effect::Export { format, selection, folder: PathBuf::from(folder) }
            }
            export::Action::Import(path) => Effect::Import(PathBuf::from(path)),
            export::Action::HandOverSetAside => Effect::HandOverSetAside,
            export::Action::RemoveSetAside => Effect::RemoveSetAside,
        };
        (Screen::Export { state, from }, effect)
    }

    pub(super) fn on_settings(
        &mut self,
        mut state: settings::State,
        message: settings::Message,
    ) -> (Screen, Effect) {
        match state.update(message, &self.prefs.settings) {
            settings::Action::Back => (Screen::Home(home::State), Effect::None),
            settings::Action::Change(settings) => {
                self.prefs.settings = settings.clone();
                (Screen::Settings(state), Effect::SaveSettings(settings))
            }
        }
    }

    /// The detail screen of session `id`, which is read in full now.
    pub(super) fn open_detail(&self, id: SessionId) -> (Screen, Effect) {
        (Screen::Detail(detail::State::loading(id.clone())), Effect::Open(id))
    }

    /// The export screen for `scope`, offering the dates the history spans; Back
    /// returns to the session `from`, or to the list.
    fn export_screen(&self, scope: export::Scope, from: Option<SessionId>) -> Screen {
        let sessions = self.records.summaries.as_deref().unwrap_or_default();
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

    /// The history list, read again from the store.
    pub(super) fn open_history(&mut self) -> (Screen, Effect) {
        self.records.asked = true;
        (Screen::History(history::State::default()), Effect::Load)
    }
}

//! What a lesson is made of, as plain data: steps with tasks, a predict-then-reveal question,
//! and the corrections of the thread it answers. The widgets each step shows live in the
//! step's `view` (WebAssembly only); everything here is checked by native tests.

/// A guided lesson answering one question.
#[derive(Debug)]
pub struct Lesson {
    /// URL slug (`#/<slug>/<step>`), same as its registry page.
    pub slug: &'static str,
    /// The question, in one or two sentences of our own.
    pub question: &'static str,
    /// The Stack Overflow thread the lesson answers (its title).
    pub thread: &'static str,
    /// The guided steps, in order.
    pub steps: &'static [Step],
}

/// One step of a lesson: an instruction, a live widget, tasks checked live.
#[derive(Debug)]
pub struct Step {
    /// Unique within the lesson; also the URL's last part.
    pub id: &'static str,
    /// Short title shown in the step list.
    pub title: &'static str,
    /// What the learner should achieve; each is checked from the widget state.
    pub tasks: &'static [TaskInfo],
    /// A question to answer before a readout is revealed, if the step has one.
    pub predict: Option<PredictInfo>,
    /// "What the thread got wrong" callouts shown with this step.
    pub corrections: &'static [Correction],
}

/// What renders a step: its view function (WebAssembly only). A lesson's step views live in
/// its `STEP_VIEWS`, beside its `STEPS` but outside the [`Lesson`] data, so that a bundle that
/// does not show the lesson (see `lessons::Bundle`) does not carry the lesson's code.
#[cfg(target_arch = "wasm32")]
pub type StepView = fn() -> leptos::prelude::AnyView;

/// One step of a lesson, written as data:
///
/// ```text
/// step! {
///     id: "shift",
///     title: "Adding a constant changes nothing",
///     tasks: ["shift-100" => "Add +100 to every logit …"],
///     predict: PredictInfo { … },
///     corrections: ["what the thread said …" => "what is true …"],
/// }
/// ```
///
/// `tasks`, `predict` and `corrections` are optional (in this order). Lessons write their
/// steps inside [`steps!`], which also names each step's view.
macro_rules! step {
    (
        id: $id:literal,
        title: $title:literal,
        $(tasks: [$($task:literal => $text:literal),+ $(,)?],)?
        $(predict: $predict:expr,)?
        $(corrections: [$($claim:literal => $correction:literal),+ $(,)?],)?
    ) => {{
        $crate::lessons::Step::new($id, $title)
            $(.tasks(&[$($crate::lessons::TaskInfo { id: $task, text: $text }),+]))?
            $(.predict($predict))?
            $(.corrections(&[$($crate::lessons::Correction { claim: $claim, correction: $correction }),+]))?
    }};
}
pub(crate) use step;

/// A lesson's steps, each with the view that renders it (`view: shift` is the lesson's
/// `view::shift::view`), named once:
///
/// ```text
/// steps! {
///     step! { id: "shift", title: "…", view: shift, tasks: [ … ], },
///     step! { id: "summary", title: "Summary", view: summary, },
/// }
/// ```
///
/// defines `STEPS` (the data, for the [`Lesson`]) and, in the browser, `STEP_VIEWS` (the
/// views in the same order). Natively the views are not compiled and only `STEPS` exists.
macro_rules! steps {
    ($(step! { id: $id:literal, title: $title:literal, view: $view:ident, $($rest:tt)* }),+ $(,)?) => {
        /// The lesson's steps, in order.
        pub const STEPS: &[$crate::lessons::Step] = &[
            $($crate::lessons::lesson::step! { id: $id, title: $title, $($rest)* }),+
        ];
        /// What renders each step, in the order of [`STEPS`].
        #[cfg(target_arch = "wasm32")]
        pub const STEP_VIEWS: &[$crate::lessons::lesson::StepView] = &[$(view::$view::view),+];
    };
}
pub(crate) use steps;

/// `page_view!();` in a page's module defines, in the browser, its `VIEW`: the page's slug
/// (from its `PAGE`) with its module `view`'s `render`, for the bundle that carries it.
macro_rules! page_view {
    () => {
        /// What renders the page, for the bundle that carries it (WebAssembly only).
        #[cfg(target_arch = "wasm32")]
        pub const VIEW: $crate::lessons::PageView = $crate::lessons::PageView {
            slug: PAGE.slug,
            render: view::render,
        };
    };
}
pub(crate) use page_view;

impl Step {
    /// A step with no tasks, no predict question and no corrections; the builder methods
    /// below add those it has. Lessons write their steps with [`step!`].
    pub const fn new(id: &'static str, title: &'static str) -> Self {
        Self {
            id,
            title,
            tasks: &[],
            predict: None,
            corrections: &[],
        }
    }

    /// The step's tasks.
    pub const fn tasks(self, tasks: &'static [TaskInfo]) -> Self {
        Self { tasks, ..self }
    }

    /// The question asked before the step's readout is revealed.
    pub const fn predict(self, predict: PredictInfo) -> Self {
        Self {
            predict: Some(predict),
            ..self
        }
    }

    /// The step's "what the thread got wrong" callouts.
    pub const fn corrections(self, corrections: &'static [Correction]) -> Self {
        Self {
            corrections,
            ..self
        }
    }
}

/// A task: its id (unique in the step) and the instruction shown to the learner.
#[derive(Debug, Clone, Copy)]
pub struct TaskInfo {
    /// Unique within the step.
    pub id: &'static str,
    /// The instruction, e.g. "Make class 3 the most likely".
    pub text: &'static str,
}

/// A multiple-choice prediction made before a readout is revealed.
#[derive(Debug, Clone, Copy)]
pub struct PredictInfo {
    /// The question.
    pub question: &'static str,
    /// The choices.
    pub choices: &'static [&'static str],
    /// Index of the right choice.
    pub answer: usize,
    /// Why the right answer is right (shown after answering).
    pub explanation: &'static str,
}

/// A claim from the thread and its correction, in our own words.
#[derive(Debug, Clone, Copy)]
pub struct Correction {
    /// What the thread said (paraphrased).
    pub claim: &'static str,
    /// What is actually true.
    pub correction: &'static str,
}

impl Lesson {
    /// Total number of tasks.
    pub fn task_count(&self) -> usize {
        self.steps.iter().map(|s| s.tasks.len()).sum()
    }

    /// Index of the step with this id.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// Every progress key of this lesson (`slug/step/task`).
    pub fn task_keys(&self) -> Vec<String> {
        self.steps
            .iter()
            .flat_map(|s| s.tasks.iter().map(move |t| task_key(self.slug, s.id, t.id)))
            .collect()
    }

    /// The keys under which a learner's predict answers are remembered (one per choice).
    pub fn predict_keys(&self) -> Vec<String> {
        self.steps
            .iter()
            .filter_map(|s| s.predict.map(|p| (s, p)))
            .flat_map(|(s, p)| (0..p.choices.len()).map(move |i| predict_key(self.slug, s.id, i)))
            .collect()
    }
}

/// The key under which a learner's answer to a step's predict question is remembered.
pub fn predict_key(lesson: &str, step: &str, choice: usize) -> String {
    format!("{lesson}/{step}/predict={choice}")
}

/// The key under which a done task is remembered.
pub fn task_key(lesson: &str, step: &str, task: &str) -> String {
    format!("{lesson}/{step}/{task}")
}

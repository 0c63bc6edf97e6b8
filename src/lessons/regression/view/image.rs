//! Step "image": the three set-ups trained on every pixel of a 16 × 16 grey image at once.

use super::{choice_chips, head_rows, use_training, RangeField, TrainingControls, TrainingRun};
use crate::chart::ImagePanels;
use crate::lessons::code_view::CodePanels;
use crate::lessons::regression::tasks::run_finished;
use crate::lessons::regression::{panels, IMAGE_LEARNING_RATE};
use crate::lessons::view::{report_task, shared, shared_number, DataTable};
use crate::model::regression::{
    Head, ImageRace, ImageStart, IMAGE_SIDE, IMAGE_STEPS, LEARNING_RATE_MAX, LEARNING_RATE_MIN,
};
use crate::widgets::{now_ms, use_settled, ImageStrip, Readout};
use leptos::prelude::*;

impl TrainingRun for ImageRace {
    fn take_steps(&mut self, n: usize) {
        self.advance(n);
    }
    /// A time budget as well as a step budget: the frame must stay short.
    fn take_frame_steps(&mut self, n: usize) {
        let began = now_ms();
        for _ in 0..n {
            if self.advance(1) == 0 || now_ms() - began > 4.0 {
                break;
            }
        }
    }
    fn steps_taken(&self) -> usize {
        self.step()
    }
    fn finished(&self) -> bool {
        self.is_done()
    }
}

fn head_names() -> Vec<String> {
    Head::ALL.iter().map(|h| h.name().to_string()).collect()
}

/// The step's view.
pub fn view() -> AnyView {
    let start = shared(
        "start",
        ImageStart::Negative,
        |_| true,
        "negative or midgrey",
    );
    let lr = shared_number(
        "lr",
        IMAGE_LEARNING_RATE,
        LEARNING_RATE_MIN,
        LEARNING_RATE_MAX,
    );
    let (race, controls) = use_training(IMAGE_STEPS, move || {
        ImageRace::new(start.get_untracked(), lr.get_untracked(), IMAGE_STEPS)
    });
    let outside_most = Memo::new(move |_| race.with(|r| r.linear_outside_most()));
    report_task("image-trained", move || {
        run_finished(controls.step.get(), IMAGE_STEPS)
    });
    report_task("image-overshoot", move || outside_most.get() > 0);
    let on_lr = Callback::new(move |v: f64| {
        lr.set(v);
        controls.reset.run(());
    });
    let set_start = move |s: ImageStart| {
        start.set(s);
        controls.reset.run(());
    };
    let panels = Signal::derive(|| ImagePanels {
        side: IMAGE_SIDE,
        titles: std::iter::once("target".to_string())
            .chain(head_names())
            .collect(),
    });
    // The target never changes: it is drawn once, on the background layer.
    let target_image = Signal::derive(|| vec![crate::model::regression::target_image()]);
    let images = Memo::new(move |_| {
        race.with(|r| {
            Head::ALL
                .iter()
                .map(|h| r.outputs(*h).to_vec())
                .collect::<Vec<_>>()
        })
    });
    let rows = head_rows(|head| {
        [
            (
                "image-mse",
                Signal::derive(move || race.with(|r| r.mse(head))),
            ),
            (
                "image-white",
                Signal::derive(move || race.with(|r| r.mean_where_target(head, 1.0))),
            ),
            (
                "image-black",
                Signal::derive(move || race.with(|r| r.mean_where_target(head, 0.0))),
            ),
            (
                "image-outside",
                Signal::derive(move || race.with(|r| r.outside(head)) as f64),
            ),
        ]
    });
    // As in the race, the panels show the run as it stands when paused.
    let settled = use_settled(controls.playing, move || race.with(|r| r.step()));
    // The text alternative follows the paused state (not rewritten on every frame).
    let label = Signal::derive(move || {
        format!(
            "The target image and each set-up's prediction after {} of {} steps",
            settled.get(),
            IMAGE_STEPS
        )
    });
    let programs = Memo::new(move |_| panels::image_programs(start.get(), lr.get(), settled.get()));
    view! {
        <p>
            "The asker's real problem is an image. Here is a 16 × 16 grey target with a pure "
            "white disc, a pure black rectangle and a ramp of greys. Every pixel gets its own "
            "free output, trained with each set-up exactly as in the race, and the three "
            "predictions are drawn as images after each step (values outside [0, 1] are drawn "
            "clipped, with an orange dot)."
        </p>
        <div class="controls">
            {choice_chips("Start from", "image-start", &[
                (ImageStart::Negative, "image-start-negative", "the negative (as wrong as possible)"),
                (ImageStart::MidGrey, "image-start-mid-grey", "mid-grey 0.5"),
            ], start, set_start)}
            <RangeField value=lr on_change=on_lr min=LEARNING_RATE_MIN max=LEARNING_RATE_MAX step=0.01 label="Learning rate η =" testid="image-lr" />
        </div>
        <TrainingControls controls prefix="image" />
        // The counter changes on every frame of a run: screen readers hear the settled step.
        <p class="sums">
            "After " <Readout name="image-step" value=Signal::derive(move || controls.step.get() as f64) />
            " of " {IMAGE_STEPS} " steps"
            <span class="visually-hidden" role="status">{move || format!("{} of {IMAGE_STEPS} steps taken", settled.get())}</span>
        </p>
        <ImageStrip panels fixed=target_image images label testid="image-strip" height=250 />
        <DataTable class="numbers" testid="image-table" label="The three set-ups on the whole image" heads=&["set-up", "mean (ŷ − y)²", "mean ŷ on white pixels", "mean ŷ on black pixels", "pixels outside [0, 1]"] rows />
        <p class="sums">"Most linear pixels outside [0, 1] at any step so far: " <Readout name="image-outside-most" value=Signal::derive(move || outside_most.get() as f64) /></p>
        <p>
            "From the negative, sigmoid + MSE leaves the disc dark and the rectangle light: "
            "those pixels start saturated on the wrong side and barely move. Sigmoid + BCE "
            "repairs them, but its white stays a little grey and its black a little lighter, "
            "because σ never reaches 1 or 0. Start from mid-grey (where a sigmoid network with "
            "small initial weights would start) and sigmoid + MSE does much better. The linear "
            "head, free per pixel, fits exactly; above η = 0.5 its pixels first jump outside "
            "[0, 1]."
        </p>
        <CodePanels programs />
    }
    .into_any()
}

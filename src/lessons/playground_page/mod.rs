//! The Playground: free exploration of every activation, loss and gradient on 2–10 logits.
//! Its whole state lives in the URL.

pub mod panels;

use super::Page;

/// The Playground's registry entry.
pub const PAGE: Page = Page {
    slug: "playground",
    title: "Playground",
    nav_label: "Playground",
    blurb: "Drag up to ten logits and watch softmax, sigmoid, log-softmax, every Keras \
            cross-entropy and its gradient move at once. The address bar keeps the whole \
            state, so a link shows someone else exactly what you see.",
    lesson: None,
    #[cfg(target_arch = "wasm32")]
    view: view::render,
};

#[cfg(target_arch = "wasm32")]
mod view {
    use crate::app::UrlHash;
    use crate::chart::CurveKind;
    use crate::format::format4;
    use crate::lessons::code_view::CodePanels;
    use crate::playground::{
        parse_number, slider_from_temperature, temperature_from_slider, Head, Labels,
        PlaygroundState, DEFAULT_RANGE, MAX_CLASSES, MIN_CLASSES,
    };
    use crate::routes::{query_of, Route};
    use crate::url_sync::ShareButton;
    use crate::widgets::{CurvePlot, LogitBars, ProbabilityBars, Readout};
    use leptos::prelude::*;

    /// Ranges the learner can pick for the logit axis.
    const RANGES: [f64; 4] = [DEFAULT_RANGE, 30.0, 120.0, 1000.0];

    pub fn render() -> AnyView {
        view! { <Playground /> }.into_any()
    }

    fn load(hash: &str) -> (PlaygroundState, Option<String>) {
        match PlaygroundState::from_query(query_of(hash)) {
            Ok(s) => (s, None),
            Err(e) => (
                PlaygroundState::default(),
                Some(format!(
                    "This link could not be read, so the Playground starts from its defaults. {e}"
                )),
            ),
        }
    }

    #[component]
    fn Playground() -> impl IntoView {
        let UrlHash(hash) = expect_context::<UrlHash>();
        let (initial, first_notice) = load(&hash.get_untracked());
        let state = RwSignal::new(initial);
        let notice = RwSignal::new(first_notice);

        // A link pasted into this tab (a hash change we did not make) replaces the state.
        Effect::new(move |previous: Option<()>| {
            let h = hash.get();
            if previous.is_none() {
                return;
            }
            if matches!(Route::parse(&h), Route::Page { ref slug, .. } if slug == "playground") {
                let (s, n) = load(&h);
                if s != state.get_untracked() {
                    state.set(s);
                }
                notice.set(n);
            }
        });

        // State → address bar (throttled): the address always restores this view.
        crate::url_sync::sync_query("/playground".to_string(), move || {
            state.with(|s| s.to_query())
        });
        let share = Callback::new(move |_: ()| {
            crate::url_sync::absolute_link("/playground", &state.with_untracked(|s| s.to_query()))
        });

        let numbers = Memo::new(move |_| state.with(|s| s.numbers()));
        let programs = Memo::new(move |_| state.with(super::panels::playground_programs));
        let count = Memo::new(move |_| state.with(|s| s.classes()));
        let logits = Signal::derive(move || state.with(|s| s.logits.clone()));
        let range = Signal::derive(move || state.with(|s| s.range));
        let labels = Signal::derive(move || {
            (0..count.get())
                .map(|i| format!("class {i}"))
                .collect::<Vec<_>>()
        });
        let head = Memo::new(move |_| state.with(|s| s.head));
        let probabilities = Signal::derive(move || {
            numbers.with(|n| match head.get() {
                Head::Softmax => n.rows.iter().map(|r| r.softmax).collect(),
                Head::Sigmoid => n.rows.iter().map(|r| r.sigmoid).collect::<Vec<_>>(),
            })
        });
        // The arrows show one gradient-descent step −η·∂L/∂z, scaled so the largest is
        // visible (the direction and relative size are what matter).
        let arrows = Signal::derive(move || {
            let r = range.get();
            numbers.with(|n| {
                n.rows
                    .iter()
                    .map(|row| -row.grad * r * 0.5)
                    .collect::<Vec<_>>()
            })
        });
        let on_change = Callback::new(move |(i, v): (usize, f64)| {
            state.update(|s| {
                let _ = s.set_logit(i, v);
            })
        });

        let row_value = move |i: usize, pick: fn(&crate::playground::ClassRow) -> f64| {
            Signal::derive(move || numbers.with(|n| n.rows.get(i).map(pick).unwrap_or(f64::NAN)))
        };

        let table_rows = move || {
            (0..count.get())
                .map(|i| {
                    view! {
                        <tr>
                            <th scope="row">{format!("class {i}")}</th>
                            <td><LogitField state index=i /></td>
                            <td>{move || format4(numbers.with(|n| n.rows.get(i).map(|r| r.target).unwrap_or(0.0)))}</td>
                            <td><Readout name=format!("softmax-{i}") value=row_value(i, |r| r.softmax) /></td>
                            <td><Readout name=format!("sigmoid-{i}") value=row_value(i, |r| r.sigmoid) /></td>
                            <td><Readout name=format!("logit-of-softmax-{i}") value=row_value(i, |r| r.logit_of_softmax) /></td>
                            <td><Readout name=format!("log-softmax-{i}") value=row_value(i, |r| r.log_softmax) /></td>
                            <td><Readout name=format!("grad-{i}") value=row_value(i, |r| r.grad) /></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        };

        let loss = move |pick: fn(&crate::playground::Losses) -> f64| {
            Signal::derive(move || numbers.with(|n| pick(&n.losses)))
        };
        let sparse =
            move |name: &'static str, pick: fn(&crate::playground::Losses) -> Option<f64>| {
                move || match numbers.with(|n| pick(&n.losses)) {
                    Some(v) => {
                        view! { <Readout name=name value=Signal::derive(move || v) /> }.into_any()
                    }
                    None => view! { <span class="muted">"needs exactly one true class"</span> }
                        .into_any(),
                }
            };

        view! {
            <section class="playground" data-testid="page-playground">
                <h1>"Playground"</h1>
                <p class="lede">
                    "Drag the bars (or focus one and use the arrow keys) to change the logits. "
                    "Every number below is recomputed as Keras 3 computes it. The address bar "
                    "always holds the whole state: copy it to share exactly this view."
                </p>
                <ShareButton link=share />
                {move || notice.get().map(|text| view! {
                    <div class="notice" role="status" data-testid="notice">
                        <p>{text}</p>
                        <button type="button" on:click=move |_| notice.set(None)>"Dismiss"</button>
                    </div>
                })}
                <div class="two-charts">
                    <figure>
                        <figcaption>
                            "Logits z (drag). ▼ marks the largest. Arrows: the step gradient "
                            "descent would take, −∂L/∂z, for the loss of the current output."
                        </figcaption>
                        <LogitBars values=logits on_change range labels arrows />
                    </figure>
                    <figure>
                        <figcaption>
                            {move || match head.get() {
                                Head::Softmax => "softmax(z / T): one distribution over the classes. ▼ marks the most likely.",
                                Head::Sigmoid => "σ(z / T): an independent yes/no per class; dashes at 0.5.",
                            }}
                        </figcaption>
                        <ProbabilityBars
                            values=probabilities
                            labels
                            y_label=Signal::derive(move || match head.get() {
                                Head::Softmax => "softmax p".to_string(),
                                Head::Sigmoid => "sigmoid p".to_string(),
                            })
                            threshold=Signal::derive(move || (head.get() == Head::Sigmoid).then_some(0.5))
                        />
                        <p class="sums">
                            "Σ softmax = " <Readout name="softmax-sum" value=Signal::derive(move || numbers.with(|n| n.softmax_sum)) />
                            " · Σ sigmoid = " <Readout name="sigmoid-sum" value=Signal::derive(move || numbers.with(|n| n.sigmoid_sum)) />
                            " · entropy of softmax = " <Readout name="entropy" value=Signal::derive(move || numbers.with(|n| n.entropy)) /> " nats"
                        </p>
                    </figure>
                </div>
                <Controls state />
                <UpClose state />
                <h2>"Per class"</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                    <table class="numbers" data-testid="class-table">
                        <thead>
                            <tr>
                                <th scope="col">"class"</th>
                                <th scope="col">"logit z (type)"</th>
                                <th scope="col">"target y"</th>
                                <th scope="col">"softmax(z/T)"</th>
                                <th scope="col">"σ(z/T)"</th>
                                <th scope="col">"logit(softmax)"</th>
                                <th scope="col">"log_softmax"</th>
                                <th scope="col">"∂L/∂z"</th>
                            </tr>
                        </thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </div>
                <p class="note">
                    "logit(softmax) is not z: the logit function undoes a sigmoid, not a softmax. "
                    "∂L/∂z is for categorical cross-entropy with the softmax output (pᵢ − yᵢ for a "
                    "one-hot label) and for the mean binary cross-entropy with the sigmoid output "
                    "((σᵢ − yᵢ)/C, because Keras averages over the C labels), divided by T."
                </p>
                <h2>"Losses for this sample"</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on narrow screens)">
                    <table class="numbers" data-testid="loss-table">
                        <thead>
                            <tr>
                                <th scope="col">"Keras loss"</th>
                                <th scope="col"><code>"from_logits=True"</code>" (given z/T)"</th>
                                <th scope="col"><code>"from_logits=False"</code>" (given probabilities)"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <tr>
                                <th scope="row"><code>"binary_crossentropy"</code>" (mean over classes)"</th>
                                <td><Readout name="binary-crossentropy" value=loss(|l| l.binary_from_logits) /></td>
                                <td><Readout name="binary-crossentropy-probs" value=loss(|l| l.binary_from_probs) /></td>
                            </tr>
                            <tr>
                                <th scope="row"><code>"categorical_crossentropy"</code></th>
                                <td><Readout name="categorical-crossentropy" value=loss(|l| l.categorical_from_logits) /></td>
                                <td><Readout name="categorical-crossentropy-probs" value=loss(|l| l.categorical_from_probs) /></td>
                            </tr>
                            <tr>
                                <th scope="row"><code>"sparse_categorical_crossentropy"</code></th>
                                <td>{sparse("sparse-categorical-crossentropy", |l| l.sparse_from_logits)}</td>
                                <td>{sparse("sparse-categorical-crossentropy-probs", |l| l.sparse_from_probs)}</td>
                            </tr>
                            <tr class="mistake">
                                <th scope="row">
                                    "Mistake: softmax output passed with "<code>"from_logits=True"</code>
                                </th>
                                <td><Readout name="double-softmax" value=loss(|l| l.categorical_double_softmax) /></td>
                                <td class="muted">
                                    "The probabilities get a second softmax, so the loss can never "
                                    "approach 0: compare with the row above. (Keras on the "
                                    "TensorFlow backend catches a softmax op's own output, warns and "
                                    "uses its logits; on JAX, PyTorch or NumPy probabilities it does not.)"
                                </td>
                            </tr>
                        </tbody>
                    </table>
                </div>
                <h2>"The same in code"</h2>
                <p class="note">
                    "Both programs carry the whole state above (logits, temperature, labels, output) "
                    "and print the probabilities and every loss of the table. Copy one and run it."
                </p>
                <CodePanels programs />
            </section>
        }
    }

    /// One class up close: its binary cross-entropy and the gradient against the logit the
    /// activation sees (z/T), with a point the learner drags along the loss.
    #[component]
    fn UpClose(state: RwSignal<PlaygroundState>) -> impl IntoView {
        let count = Memo::new(move |_| state.with(|s| s.classes()));
        // In the state (and so in the link); kept valid when classes are removed.
        let k = Memo::new(move |_| state.with(|s| s.up_close.min(s.classes().saturating_sub(1))));
        let target =
            Memo::new(move |_| state.with(|s| s.target().get(k.get()).copied().unwrap_or(0.0)));
        let scaled = Signal::derive(move || {
            state.with(|s| s.logits.get(k.get()).copied().unwrap_or(0.0) / s.temperature)
        });
        let range = Memo::new(move |_| state.with(|s| s.range));
        let curves = Signal::derive(move || {
            let y = target.get();
            vec![
                CurveKind::BinaryCrossentropy { y },
                CurveKind::BinaryCrossentropyGrad { y },
            ]
        });
        let on_change = Callback::new(move |x: f64| {
            state.update(|s| {
                let i = k.get_untracked();
                let _ = s.set_logit(i, x * s.temperature);
            })
        });
        let loss = Signal::derive(move || {
            CurveKind::BinaryCrossentropy { y: target.get() }.eval(scaled.get())
        });
        let grad = Signal::derive(move || {
            CurveKind::BinaryCrossentropyGrad { y: target.get() }.eval(scaled.get())
        });
        view! {
            <section class="up-close" aria-labelledby="up-close-title">
                <h2 id="up-close-title">"One class up close"</h2>
                <p class="note">
                    "The binary cross-entropy of one class against the logit its sigmoid sees, and "
                    "its slope σ(z) − y. Drag the point along the curve: where the loss is flat the "
                    "gradient is near 0; where it is steep the gradient is near ±1."
                </p>
                <label>
                    "Class "
                    <select
                        data-testid="up-close-class"
                        prop:value=move || k.get().to_string()
                        on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                state.update(|s| s.up_close = i.min(s.classes().saturating_sub(1)));
                            }
                        }
                    >
                        {move || (0..count.get()).map(|i| view! { <option value=i.to_string()>{format!("class {i}")}</option> }).collect::<Vec<_>>()}
                    </select>
                </label>
                " (target y = " {move || format4(target.get())} ") · BCE = "
                <Readout name="up-close-loss" value=loss />
                " · ∂BCE/∂(z/T) = "
                <Readout name="up-close-grad" value=grad />
                <CurvePlot
                    curves
                    x_range=Signal::derive(move || (-range.get(), range.get()))
                    y_range=Signal::derive(|| (-1.2, 4.0))
                    x_label="z / T"
                    y_label="loss, gradient"
                    point=scaled
                    on_change
                    testid="up-close-plot"
                    value_name="Logit seen by the sigmoid"
                    height=260
                />
            </section>
        }
    }

    /// A number field for one logit: typed text is checked, a bad value gets a message and the
    /// last good value stays in the state.
    #[component]
    fn LogitField(state: RwSignal<PlaygroundState>, index: usize) -> impl IntoView {
        let error = RwSignal::new(None::<String>);
        let current =
            Memo::new(move |_| state.with(|s| s.logits.get(index).copied().unwrap_or(0.0)));
        let id = format!("logit-input-{index}");
        let error_id = format!("logit-error-{index}");
        let commit = move |text: String| {
            let r = state.with_untracked(|s| s.range);
            match parse_number(&text, "a logit") {
                Ok(v) if v.abs() <= r => {
                    error.set(None);
                    state.update(|s| {
                        let _ = s.set_logit(index, v);
                    });
                }
                Ok(_) => error.set(Some(format!(
                    "Keep logits within ±{r} (or widen the range below). The last good value stays."
                ))),
                Err(e) => error.set(Some(format!("{e} The last good value stays."))),
            }
        };
        let error_id_attr = error_id.clone();
        view! {
            <label class="visually-hidden" for=id.clone()>{format!("Logit of class {index}")}</label>
            <input
                id=id
                class="number-field"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                size="7"
                data-testid=format!("logit-input-{index}")
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                aria-describedby=move || error.with(|e| e.as_ref().map(|_| error_id_attr.clone()))
                prop:value=move || crate::format::format_sig(current.get(), 6).replace('−', "-")
                on:change=move |ev| commit(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        commit(event_target_value(&ev));
                    }
                }
            />
            {move || error.get().map(|e| view! {
                <span class="field-error" id=error_id.clone() role="alert">{e}</span>
            })}
        }
    }

    /// Class count, labels, output, temperature and range.
    #[component]
    fn Controls(state: RwSignal<PlaygroundState>) -> impl IntoView {
        let count = Memo::new(move |_| state.with(|s| s.classes()));
        let mode = Memo::new(move |_| {
            state.with(|s| match s.labels {
                Labels::OneHot(_) => "onehot",
                Labels::Sparse(_) => "sparse",
                Labels::MultiHot(_) => "multihot",
            })
        });
        let set_mode = move |m: String| {
            state.update(|s| {
                let first = s.target().iter().position(|y| *y == 1.0).unwrap_or(0);
                let y = s.target();
                s.labels = match m.as_str() {
                    "sparse" => Labels::Sparse(first),
                    "multihot" => Labels::MultiHot(y.iter().map(|v| *v == 1.0).collect()),
                    _ => Labels::OneHot(first),
                };
            })
        };
        let class_choices = move || {
            let n = count.get();
            let multi = mode.get() == "multihot";
            (0..n)
                .map(|i| {
                    let checked = move || state.with(|s| s.target().get(i).copied() == Some(1.0));
                    view! {
                        <label class="chip">
                            <input
                                type=if multi { "checkbox" } else { "radio" }
                                name="true-class"
                                data-testid=format!("label-{i}")
                                prop:checked=checked
                                on:change=move |_| {
                                    state.update(|s| match &mut s.labels {
                                        Labels::OneHot(c) | Labels::Sparse(c) => *c = i,
                                        Labels::MultiHot(bits) => {
                                            if let Some(b) = bits.get_mut(i) {
                                                *b = !*b;
                                            }
                                        }
                                    })
                                }
                            />
                            {format!("class {i}")}
                        </label>
                    }
                })
                .collect::<Vec<_>>()
        };
        let temperature = Memo::new(move |_| state.with(|s| s.temperature));
        view! {
            <div class="controls" data-testid="controls">
                <fieldset>
                    <legend>"Classes"</legend>
                    <button
                        type="button"
                        data-testid="remove-class"
                        disabled=move || { count.get() <= MIN_CLASSES }
                        on:click=move |_| state.update(|s| s.remove_class())
                    >
                        "− Remove"
                    </button>
                    <span class="count" aria-live="polite">{move || format!("{} classes", count.get())}</span>
                    <button
                        type="button"
                        data-testid="add-class"
                        disabled=move || { count.get() >= MAX_CLASSES }
                        on:click=move |_| state.update(|s| s.add_class())
                    >
                        "+ Add"
                    </button>
                </fieldset>
                <fieldset>
                    <legend>"True label"</legend>
                    <label>
                        "Written as "
                        <select
                            data-testid="label-mode"
                            prop:value=move || mode.get()
                            on:change=move |ev| set_mode(event_target_value(&ev))
                        >
                            <option value="onehot">"one-hot (exactly one class)"</option>
                            <option value="sparse">"sparse index (exactly one class)"</option>
                            <option value="multihot">"multi-hot (any subset)"</option>
                        </select>
                    </label>
                    <div class="chips" role="group" aria-label="True classes">{class_choices}</div>
                </fieldset>
                <fieldset>
                    <legend>"Output"</legend>
                    <label class="chip">
                        <input
                            type="radio"
                            name="head"
                            data-testid="head-softmax"
                            prop:checked=move || state.with(|s| s.head == Head::Softmax)
                            on:change=move |_| state.update(|s| s.head = Head::Softmax)
                        />
                        "softmax"
                    </label>
                    <label class="chip">
                        <input
                            type="radio"
                            name="head"
                            data-testid="head-sigmoid"
                            prop:checked=move || state.with(|s| s.head == Head::Sigmoid)
                            on:change=move |_| state.update(|s| s.head = Head::Sigmoid)
                        />
                        "sigmoid"
                    </label>
                </fieldset>
                <fieldset>
                    <legend>"Temperature T"</legend>
                    <label class="temperature">
                        <span class="visually-hidden">"Temperature"</span>
                        <input
                            type="range"
                            min="0"
                            max="1000"
                            step="1"
                            data-testid="temperature"
                            aria-valuetext=move || format!("T = {}", format4(temperature.get()))
                            prop:value=move || slider_from_temperature(temperature.get()).to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    state.update(|s| s.temperature = temperature_from_slider(v));
                                }
                            }
                        />
                    </label>
                    " T = " <Readout name="temperature" value=temperature />
                    <button type="button" on:click=move |_| state.update(|s| s.temperature = 1.0)>"T = 1"</button>
                </fieldset>
                <fieldset>
                    <legend>"Logit axis"</legend>
                    <label>
                        "Range ± "
                        <select
                            data-testid="range"
                            prop:value=move || state.with(|s| s.range.to_string())
                            on:change=move |ev| {
                                if let Ok(r) = event_target_value(&ev).parse::<f64>() {
                                    state.update(|s| {
                                        s.range = r;
                                        for z in s.logits.iter_mut() {
                                            *z = z.clamp(-r, r);
                                        }
                                    });
                                }
                            }
                        >
                            {RANGES.iter().map(|r| view! { <option value=r.to_string()>{r.to_string()}</option> }).collect::<Vec<_>>()}
                        </select>
                    </label>
                    <button type="button" data-testid="reset" on:click=move |_| state.set(PlaygroundState::default())>
                        "Reset everything"
                    </button>
                </fieldset>
            </div>
        }
    }
}

//! Every chart draws to plotters' SVG backend without error for edge data, and what it
//! draws is where the mapping says it is.
#![cfg(not(target_arch = "wasm32"))]

use logit_lab::chart::{
    draw_axes, draw_marks, fill_background, BarAxes, BarMarks, ChartStyle, CurveAxes, CurveKind,
    Theme,
};
use plotters::prelude::*;

fn labels(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("class {i}")).collect()
}

fn render_bars(
    values: &[f64],
    range: f64,
    theme: Theme,
) -> (String, logit_lab::chart::PlotMapping) {
    let mut svg = String::new();
    let mapping;
    {
        let root = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
        let style = ChartStyle::new(theme, 1.0);
        let axes = BarAxes {
            classes: values.len(),
            y_range: (-range, range),
            y_label: "logit z".into(),
            class_labels: labels(values.len()),
            background_class: false,
        };
        fill_background(&root, &style).unwrap();
        let m1 = draw_axes(&root, &axes, &style).unwrap();
        let marks = BarMarks {
            values: values.to_vec(),
            marked: Some(0),
            truth: (values.len() > 1).then_some(1),
            arrows: Some(values.iter().map(|v| -v * 0.1).collect()),
            value_labels: true,
            threshold: Some(0.5),
        };
        let m2 = draw_marks(&root, &axes, &marks, &style).unwrap();
        assert_eq!(m1, m2, "both layers must share one layout");
        root.present().unwrap();
        mapping = m1;
    }
    (svg, mapping)
}

#[test]
fn logit_bars_draw_for_edge_data() {
    let cases: Vec<(Vec<f64>, f64)> = vec![
        (vec![0.0, 0.0, 0.0], 12.0),
        (vec![1e4, -1e4], 12.0),
        (vec![1e4, -1e4, 0.0], 1e4),
        (vec![3.0], 12.0),
        ((0..10).map(|i| i as f64 - 4.5).collect(), 12.0),
        (vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY], 12.0),
        (vec![], 12.0),
    ];
    for (values, range) in cases {
        for theme in [Theme::Light, Theme::Dark] {
            let (svg, mapping) = render_bars(&values, range, theme);
            assert!(svg.starts_with("<svg"), "{values:?}");
            assert!(
                !svg.contains("=\"NaN"),
                "NaN coordinates in the SVG for {values:?}"
            );
            let rects = svg.matches("<rect").count();
            assert!(rects >= values.len(), "{values:?}: {rects} rects");
            assert!(mapping.width > 100.0 && mapping.height > 100.0);
        }
    }
}

#[test]
fn the_mapping_inverts_the_drawing() {
    let (_, m) = render_bars(&[1.0, 2.0], 12.0, Theme::Light);
    for v in [-12.0, -3.5, 0.0, 7.25, 12.0] {
        let py = m.py_of(v);
        assert!((m.y_at(py) - v).abs() < 1e-9);
    }
    // Outside the plot, values clamp to the range instead of running away.
    assert_eq!(m.y_at(m.top - 50.0), 12.0);
    assert_eq!(m.y_at(m.top + m.height + 50.0), -12.0);
    // Bar i spans x in [i, i+1).
    assert!((m.x_at(m.px_of(1.5)) - 1.5).abs() < 1e-9);
}

/// Every `y` of the polygons (the ▲ marker, arrow heads) and texts in an SVG.
fn drawn_ys(svg: &str) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for part in svg.split("<polygon").skip(1) {
        let points = part
            .split("points=\"")
            .nth(1)
            .and_then(|r| r.split('"').next());
        for pair in points.unwrap_or("").split_whitespace() {
            if let Some(y) = pair.split(',').nth(1).and_then(|y| y.parse().ok()) {
                out.push(("polygon".to_string(), y));
            }
        }
    }
    for part in svg.split("<text").skip(1) {
        let y = part.split(" y=\"").nth(1).and_then(|r| r.split('"').next());
        let text = part.split('>').nth(1).and_then(|r| r.split('<').next());
        if let (Some(y), Some(text)) = (y.and_then(|y| y.parse().ok()), text) {
            out.push((text.trim().to_string(), y));
        }
    }
    out
}

#[test]
fn marks_and_value_labels_stay_inside_the_chart() {
    // A bar at the top of the range (p ≈ 1) and one at the bottom: the ▲ marker used to be
    // drawn above the top bar's label, off the canvas, and the bottom bar's value label
    // printed over its class label.
    let (svg, m) = render_bars(&[12.0, -12.0], 12.0, Theme::Light);
    let ys = drawn_ys(&svg);
    assert!(ys.iter().any(|(what, _)| what == "polygon"), "no ▲ drawn");
    for (what, y) in &ys {
        assert!(
            (0.0..=300.0).contains(y),
            "{what} drawn at y = {y}, outside the chart"
        );
    }
    let class_label_y = ys
        .iter()
        .find(|(t, _)| t == "class 1")
        .expect("class label")
        .1;
    let value_label = ys
        .iter()
        .find(|(t, _)| t.contains("12") && t.starts_with(['-', '−']))
        .expect("value label of the bottom bar");
    assert!(
        value_label.1 < m.top + m.height,
        "value label below the plot: {value_label:?}"
    );
    assert!(
        value_label.1 < class_label_y,
        "value label over the class label"
    );
    assert!(ys.iter().any(|(t, _)| t == "true"), "true class not marked");
}

#[test]
fn bars_land_where_the_mapping_says() {
    let (svg, m) = render_bars(&[6.0, -6.0], 12.0, Theme::Light);
    // The first bar's top edge sits at py_of(6).
    let top = m.py_of(6.0).round() as i64;
    let found = svg.split("<rect").any(|r| {
        r.contains(&format!("y=\"{top}\""))
            || r.contains(&format!("y=\"{}\"", top - 1))
            || r.contains(&format!("y=\"{}\"", top + 1))
    });
    assert!(found, "no rect at y={top}");
}

#[test]
fn curves_draw_for_edge_data() {
    let kinds = [
        vec![CurveKind::Sigmoid, CurveKind::Identity],
        vec![CurveKind::Logit],
        vec![
            CurveKind::BinaryCrossentropy { y: 1.0 },
            CurveKind::SigmoidSquaredError { y: 1.0 },
        ],
        vec![
            CurveKind::BinaryCrossentropyGrad { y: 0.3 },
            CurveKind::SigmoidSquaredErrorGrad { y: 0.3 },
        ],
        vec![],
    ];
    for curves in kinds {
        for (x_range, point) in [
            ((-12.0, 12.0), 0.0),
            ((0.0, 1.0), 0.9),
            ((-1e4, 1e4), 1e4),
            ((1.0, 1.0), f64::NAN),
        ] {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (500, 320)).into_drawing_area();
                let style = ChartStyle::new(Theme::Dark, 2.0);
                let axes = CurveAxes {
                    x_range,
                    y_range: (-6.0, 6.0),
                    x_label: "z".into(),
                    y_label: "value".into(),
                    curves: curves.clone(),
                };
                draw_axes(&root, &axes, &style).unwrap();
                let rider = curves.first().copied().unwrap_or(CurveKind::Identity);
                draw_marks(&root, &axes, &(rider, point), &style).unwrap();
                root.present().unwrap();
            }
            assert!(svg.starts_with("<svg"));
            assert!(
                !svg.contains("=\"NaN"),
                "NaN in SVG for {curves:?} {x_range:?}"
            );
        }
    }
}

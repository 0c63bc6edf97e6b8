//! Tests of the anomaly charts: colour scales, histogram counts, dot rows, and drawing edge data.

use super::dot_plot::DOT_SPREAD;
use super::*;
use crate::chart::{draw_axes, draw_marks, fill_background, ChartStyle, Theme};

fn svg_of(w: u32, h: u32, draw: impl Fn(&DrawingArea<SVGBackend, Shift>, &ChartStyle)) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let style = ChartStyle::new(Theme::Dark, 1.5);
        fill_background(&root, &style).unwrap();
        draw(&root, &style);
        root.present().unwrap();
    }
    assert!(!svg.contains("NaN"), "NaN in the SVG");
    svg
}

#[test]
fn colour_scales_have_their_ends_and_survive_nan() {
    assert_eq!(heat(0.0), RGBColor(0, 0, 4));
    assert_eq!(heat(1.0), RGBColor(252, 255, 164));
    assert_eq!(heat(7.0), heat(1.0));
    assert_eq!(heat(f64::NAN), RGBColor(128, 128, 128));
    assert_eq!(diverging(-1.0), RGBColor(0, 114, 178));
    assert_eq!(diverging(1.0), RGBColor(213, 94, 0));
    assert_eq!(diverging(0.0), RGBColor(245, 245, 245));
    assert_eq!(
        PanelScale::Heat { max: 0.0 }.colour(0.5),
        heat(0.5f64.sqrt())
    );
    assert_eq!(
        PanelScale::Diverging { max: f64::NAN }.colour(-2.0),
        diverging(-1.0)
    );
    assert_eq!(axis_value(0.001, true, (-4.0, -1.0)), Some(-3.0));
    assert_eq!(axis_value(0.0, true, (-4.0, -1.0)), Some(-4.0));
    assert_eq!(axis_value(f64::NAN, false, (0.0, 1.0)), None);
    assert_eq!(axis_value(5.0, false, (f64::NAN, 1.0)), Some(1.0));
}

#[test]
fn histogram_counts_stack_and_draw() {
    let hist = ScoreHistogram {
        x_range: (-4.0, -2.0),
        log_x: true,
        bins: 4,
        x_label: "error".into(),
        y_label: "images",
        groups: vec![
            ("normal".into(), 0, vec![1e-4, 2e-4, 1e-9, 0.0, f64::NAN]),
            ("defect".into(), 1, vec![0.005, 0.5, f64::INFINITY]),
        ],
        band: None,
    };
    let counts = hist.counts();
    assert_eq!(
        counts[0],
        vec![4, 0, 0, 0],
        "below the range → first bin, NaN nowhere"
    );
    assert_eq!(counts[1], vec![0, 0, 0, 3], "above → last bin");
    assert_eq!(hist.max_stack(), 4);
    let svg = svg_of(600, 300, |root, style| {
        let m1 = draw_axes(root, &hist, style).unwrap();
        let m2 = draw_marks(root, &hist, &0.001, style).unwrap();
        assert_eq!(m1, m2, "both layers share one layout");
        draw_marks(root, &hist, &f64::NAN, style).unwrap();
    });
    assert!(svg.contains("flagged"));
    let linear = ScoreHistogram {
        x_range: (f64::NAN, f64::NAN),
        log_x: false,
        bins: 0,
        groups: vec![],
        band: Some((0.0, 1.0)),
        ..hist
    };
    svg_of(200, 120, |root, style| {
        draw_axes(root, &linear, style).unwrap();
        draw_marks(root, &linear, &0.5, style).unwrap();
    });
}

#[test]
fn dot_plot_positions_stay_in_their_rows() {
    let plot = DotPlot {
        x_range: (-4.0, -2.0),
        log_x: true,
        x_label: "error".into(),
        rows: vec![("normal".into(), 0), ("spot".into(), 2)],
        dots: (0..40)
            .map(|i| (i % 2, 10f64.powf(-4.0 + i as f64 / 20.0)))
            .chain([(0, f64::NAN), (7, 1e-3)])
            .collect(),
        band: Some((1e-4, 1e-3)),
    };
    for i in 0..40 {
        let (x, y) = plot.position(i).unwrap();
        assert!((-4.0..=-2.0).contains(&x));
        let row_centre = if i % 2 == 0 { 1.5 } else { 0.5 };
        assert!(
            (y - row_centre).abs() <= DOT_SPREAD / 2.0 + 1e-12,
            "{i}: {y}"
        );
    }
    // Neighbours along x (the row's dots are in score order) are far apart in height.
    for i in (0..38).step_by(2) {
        let (a, b) = (plot.position(i).unwrap().1, plot.position(i + 2).unwrap().1);
        assert!((a - b).abs() >= 0.38 * DOT_SPREAD - 1e-9, "{i}: {a} {b}");
    }
    assert_eq!(plot.position(40), None, "NaN is not drawn");
    assert!(
        plot.position(41).is_some(),
        "an out-of-range row is clamped"
    );
    assert_eq!(plot.position(99), None);
    let svg = svg_of(640, 240, |root, style| {
        let m1 = draw_axes(root, &plot, style).unwrap();
        let m2 = draw_marks(root, &plot, &(Some(1e-3), Some(3)), style).unwrap();
        assert_eq!(m1, m2);
        draw_marks(root, &plot, &(None, None), style).unwrap();
    });
    assert!(svg.contains("normal") && svg.contains("spot"));
    assert!(svg.matches("<circle").count() >= 41);
}

#[test]
fn loss_curves_draw_on_one_layout() {
    let axes = LossAxes {
        epochs: 60,
        x_label: "epoch".into(),
        y_range: (-4.0, -1.5),
        y_label: "mean squared error".into(),
        series: vec![("training".into(), 0), ("defects".into(), 5)],
    };
    let series = vec![
        (0..60).map(|k| 0.01 * 0.9f64.powi(k)).collect::<Vec<_>>(),
        vec![0.003, f64::NAN, 0.0, f64::INFINITY],
        vec![],
    ];
    let svg = svg_of(600, 300, |root, style| {
        let m1 = draw_axes(root, &axes, style).unwrap();
        let m2 = draw_marks(root, &axes, &series, style).unwrap();
        assert_eq!(m1, m2);
    });
    assert!(svg.contains("epoch") && svg.contains("training"));
}

#[test]
fn gallery_and_heat_panels_draw_for_edge_data() {
    let gallery = GalleryLayout {
        cols: 3,
        side: 2,
        cell: 40.0,
        label_width: 60.0,
        row_labels: vec!["normal".into(), "spot".into()],
        images: vec![vec![0.0, 0.5, 1.0, f64::NAN]; 5],
        colours: vec![0, 0, 0, 2],
    };
    assert_eq!(gallery.rows(), 2);
    assert_eq!(gallery.cell_origin(4), (100.0, 40.0));
    assert_eq!(gallery.height(), 80.0);
    assert_eq!(gallery.width(), 180.0);
    let svg = svg_of(300, 120, |root, style| {
        draw_gallery(root, &gallery, style).unwrap();
        draw_gallery_selection(root, &gallery, Some(4), style).unwrap();
        draw_gallery_selection(root, &gallery, Some(99), style).unwrap();
    });
    assert!(svg.matches("<rect").count() >= 5 * 4);
    let panels = HeatPanels {
        side: 2,
        panels: vec![
            ("input".into(), PanelScale::Grey),
            ("error".into(), PanelScale::Heat { max: 0.09 }),
            ("weights".into(), PanelScale::Diverging { max: 0.0 }),
        ],
    };
    for (w, h) in [(600, 260), (20, 20)] {
        let svg = svg_of(w, h, |root, style| {
            draw_panel_frames(root, &panels, style).unwrap();
            draw_heat_panels(
                root,
                &panels,
                &[
                    vec![0.2; 4],
                    vec![0.0, 0.01, 0.09, 1.0],
                    vec![-1.0, 0.0, f64::NAN],
                ],
                style,
            )
            .unwrap();
        });
        assert!(svg.contains("error"));
    }
}

//! Keyboard behaviour shared by every slider, as the ARIA slider pattern describes it.

/// What a key does to a slider's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SliderKey {
    /// Move by this much.
    By(f64),
    /// Jump to the minimum.
    Min,
    /// Jump to the maximum.
    Max,
}

/// Arrows move by `small`, PageUp/PageDown by `large`, Home/End to the ends; other keys
/// are not the slider's business (`None`).
pub fn slider_key_step(key: &str, small: f64, large: f64) -> Option<SliderKey> {
    match key {
        "ArrowUp" | "ArrowRight" => Some(SliderKey::By(small)),
        "ArrowDown" | "ArrowLeft" => Some(SliderKey::By(-small)),
        "PageUp" => Some(SliderKey::By(large)),
        "PageDown" => Some(SliderKey::By(-large)),
        "Home" => Some(SliderKey::Min),
        "End" => Some(SliderKey::Max),
        _ => None,
    }
}

/// Applies a key to a value within `[min, max]`, rounding away binary noise
/// (0.1 + 0.2 stays 0.3).
pub fn apply(key: SliderKey, value: f64, min: f64, max: f64) -> f64 {
    let v = match key {
        SliderKey::By(d) => ((value + d) * 1e9).round() / 1e9,
        SliderKey::Min => min,
        SliderKey::Max => max,
    };
    v.clamp(min, max)
}

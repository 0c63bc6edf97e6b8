//! How lesson 4's state is written in a step's link: the set-ups, the image race's start
//! and the race settings (the model knows no URL format; these encodings live here).

use crate::format::format_full;
use crate::link::LinkValue;
use crate::model::regression::{Head, ImageStart, Optimizer, RaceSettings};

crate::link_enum!(Head {
    Head::LinearMse => "linear",
    Head::SigmoidMse => "sigmoid-mse",
    Head::SigmoidBce => "sigmoid-bce",
});

crate::link_enum!(Optimizer {
    Optimizer::Sgd => "sgd",
    Optimizer::Adam => "adam",
});

crate::link_enum!(ImageStart {
    ImageStart::Negative => "negative",
    ImageStart::MidGrey => "midgrey",
});

/// In a link: `target_start_rate`; only settings that are already usable are accepted.
impl LinkValue for RaceSettings {
    fn to_link(&self) -> String {
        format!(
            "{}_{}_{}",
            format_full(self.target),
            format_full(self.start),
            format_full(self.learning_rate)
        )
    }
    fn from_link(text: &str) -> Option<Self> {
        let mut parts = text.split('_').map(f64::from_link);
        let (target, start, learning_rate) = (parts.next()??, parts.next()??, parts.next()??);
        let s = RaceSettings {
            target,
            start,
            learning_rate,
        };
        (parts.next().is_none() && s.sanitised() == s).then_some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn race_settings_survive_a_link() {
        let s = RaceSettings {
            target: 0.9,
            start: 0.05,
            learning_rate: 0.8,
        };
        assert_eq!(s.to_link(), "0.9_0.05_0.8");
        assert_eq!(RaceSettings::from_link("0.9_0.05_0.8"), Some(s));
        // Only usable settings: a start of 0 or a target of 2 is refused, not repaired.
        for bad in [
            "0.9_0_0.8",
            "2_0.05_0.1",
            "0.9_0.05",
            "0.9_0.05_0.1_1",
            "a_b_c",
        ] {
            assert_eq!(RaceSettings::from_link(bad), None, "{bad}");
        }
        assert_eq!(Head::from_link("sigmoid-bce"), Some(Head::SigmoidBce));
        assert_eq!(ImageStart::MidGrey.to_link(), "midgrey");
        assert_eq!(Optimizer::from_link("adam"), Some(Optimizer::Adam));
        assert_eq!(Optimizer::from_link("Adam"), None);
    }

    #[test]
    fn set_ups_are_named_by_their_keys() {
        for head in Head::ALL {
            assert_eq!(head.to_link(), head.key());
            assert_eq!(Head::from_link(head.key()), Some(head));
        }
        assert_eq!(ImageStart::Negative.to_link(), "negative");
        assert_eq!(
            ImageStart::from_link("mid-grey"),
            None,
            "links spell it midgrey"
        );
    }
}

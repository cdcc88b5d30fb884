//! The bundled demo: valid, shifted to day 40 of any today, and its published reviews agree
//! with the leaderboard rules.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use chrono::{TimeZone, Utc};

use bairi::domain::countdown::{Phase, phase};
use bairi::domain::leaderboard::leaderboard_at;
use bairi::store::demo::{DEMO, ensure_demo, shifted};
use bairi::store::load::{Today, load_str};

use support::day;

#[test]
fn the_demo_is_clean_and_rich() {
    let loaded = load_str(DEMO, Today::Date(day("2026-04-10"))).unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let c = &loaded.campaign;
    assert!(c.tasks.len() >= 20);
    assert!(c.categories.len() >= 4);
    for status in bairi::domain::Status::ALL {
        assert!(c.tasks.iter().any(|t| t.status == status), "{status:?}");
    }
    assert!(c.tasks.iter().any(|t| !t.problems.is_empty()));
    assert!(c.tasks.iter().any(|t| t.light_override.is_some()));
}

#[test]
fn published_reviews_match_the_rules() {
    let c = load_str(DEMO, Today::Date(day("2026-04-10")))
        .unwrap()
        .campaign;
    for review in &c.reviews {
        let board = leaderboard_at(&c, Some(review.checkpoint as usize), review.date);
        let units: Vec<_> = board
            .units
            .iter()
            .map(|u| (u.unit.as_str(), u.rank, u.done, u.due, u.red_tasks))
            .collect();
        let published: Vec<_> = review
            .units
            .iter()
            .map(|u| (u.unit.as_str(), u.rank, u.done, u.due, u.red_tasks))
            .collect();
        assert_eq!(units, published, "checkpoint {}", review.checkpoint);
        assert_eq!(board.red, review.red);
        assert_eq!(board.yellow, review.yellow);
        assert_eq!(board.red_flag, review.red_flag);
        assert_eq!(board.yellow_card, review.yellow_card);
    }
}

#[test]
fn shifted_to_day_40_of_any_today_keeping_comments() {
    for today in ["2026-11-23", "2027-01-01", "2026-02-28"] {
        let text = shifted(Today::Date(day(today)));
        let loaded = load_str(&text, Today::Date(day(today))).unwrap();
        assert!(
            loaded.warnings.is_empty(),
            "{today}: {:#?}",
            loaded.warnings
        );
        assert_eq!(
            phase(&loaded.campaign.info, day(today)),
            Phase::Running {
                day: 40,
                days_left: 60
            }
        );
        assert!(text.contains("# 攻坚办现场核验后销号"));
        assert_eq!(text.lines().count(), DEMO.lines().count());
    }
}

#[test]
fn the_demo_copy_is_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/bairi/demo.toml");
    assert!(ensure_demo(&path, Today::Date(day("2026-11-23"))).unwrap());
    std::fs::write(&path, "edited").unwrap();
    assert!(!ensure_demo(&path, Today::Date(day("2026-12-01"))).unwrap());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited");
}

/// The demo's zone is Asia/Shanghai: whatever the hour in UTC, it opens on its day 40 there.
#[test]
fn shifted_in_the_demos_own_zone_on_both_sides_of_the_date_line() {
    for (hour, minute, shanghai_date) in [
        (3, 0, "2026-11-22"),
        (15, 59, "2026-11-22"),
        (16, 0, "2026-11-23"),
        (23, 59, "2026-11-23"),
    ] {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, hour, minute, 0).unwrap();
        let text = shifted(Today::At(now));
        let loaded = load_str(&text, Today::At(now)).unwrap();
        assert_eq!(loaded.today, day(shanghai_date), "{hour}:{minute:02} UTC");
        assert_eq!(
            phase(&loaded.campaign.info, loaded.today),
            Phase::Running {
                day: 40,
                days_left: 60
            },
            "{hour}:{minute:02} UTC"
        );
    }
}

/// `bairi new` likewise: the template's day 1 is today in the template's zone.
#[test]
fn the_template_starts_today_in_its_own_zone_at_any_hour() {
    for (hour, minute, shanghai_date) in [
        (3, 0, "2026-11-22"),
        (15, 59, "2026-11-22"),
        (16, 0, "2026-11-23"),
        (17, 44, "2026-11-23"),
        (23, 59, "2026-11-23"),
    ] {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, hour, minute, 0).unwrap();
        let loaded = load_str(&bairi::cli::new::template(Today::At(now)), Today::At(now)).unwrap();
        assert_eq!(loaded.campaign.info.start, day(shanghai_date));
        assert_eq!(
            phase(&loaded.campaign.info, loaded.today),
            Phase::Running {
                day: 1,
                days_left: 99
            },
            "{hour}:{minute:02} UTC"
        );
    }
}

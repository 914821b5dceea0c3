//! The practice-wide Today page: the week's sessions, flagged maps, overdue directives and
//! homework letters still waiting to go out.

mod common;

use chrono::NaiveDate;
use common::TempPractice;
use tenfold::assessment::{AssessmentInput, ScoreInput};
use tenfold::clients::{ClientInput, ClientStatus};
use tenfold::directives::{DirectiveInput, DirectiveMove, DirectiveStatus};
use tenfold::documents::DocumentRequest;
use tenfold::homework::HomeworkInput;
use tenfold::sessions::{Session, SessionInput, SessionKind};

/// A Thursday.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()
}

fn session(p: &TempPractice, client_id: &str, held_on: &str) -> Session {
    p.create_session(&SessionInput {
        client_id: client_id.into(),
        held_on: held_on.into(),
        kind: SessionKind::FollowUp,
        notes: String::new(),
        prep_checklist: vec![],
    })
    .unwrap()
}

fn homework(p: &TempPractice, session: &Session, text: &str) {
    p.add_homework_item(&HomeworkInput {
        client_id: session.client_id.clone(),
        session_id: Some(session.id.clone()),
        text: text.into(),
        ..Default::default()
    })
    .unwrap();
}

fn map(p: &TempPractice, client_id: &str, taken_at: &str, scores: [i32; 7]) {
    p.record_assessment_map(&AssessmentInput {
        client_id: client_id.into(),
        session_id: None,
        taken_at: Some(taken_at.into()),
        note: String::new(),
        scores: ScoreInput::in_order(&scores),
    })
    .unwrap();
}

#[test]
fn the_week_runs_monday_to_sunday_and_lists_its_sessions_by_day_then_name() {
    let p = TempPractice::new();
    let zoe = p.add_client("Zoë Adler");
    let ben = p.add_client("ben Okafor");
    let gone = p.add_client("Trashed Client");
    session(&p, &zoe.id, "2026-11-19");
    session(&p, &ben.id, "2026-11-19");
    session(&p, &ben.id, "2026-11-16");
    session(&p, &zoe.id, "2026-11-22");
    session(&p, &zoe.id, "2026-11-15"); // last week's Sunday
    session(&p, &zoe.id, "2026-11-23"); // next week's Monday
    session(&p, &gone.id, "2026-11-19");
    p.trash_client(&gone.id).unwrap();

    let view = p.today_view(today()).unwrap();
    assert_eq!(view.date, today());
    assert_eq!(view.week_starts_on.to_string(), "2026-11-16");
    assert_eq!(view.week_ends_on.to_string(), "2026-11-22");
    let listed: Vec<(String, &str)> =
        view.sessions.iter().map(|s| (s.session.held_on.to_string(), s.client_name.as_str())).collect();
    assert_eq!(
        listed,
        vec![
            ("2026-11-16".to_string(), "ben Okafor"),
            ("2026-11-19".to_string(), "ben Okafor"),
            ("2026-11-19".to_string(), "Zoë Adler"),
            ("2026-11-22".to_string(), "Zoë Adler"),
        ]
    );

    // On a Monday the week starts that day; on a Sunday it ends that day.
    let monday = p.today_view(NaiveDate::from_ymd_opt(2026, 11, 16).unwrap()).unwrap();
    assert_eq!(monday.week_starts_on.to_string(), "2026-11-16");
    let sunday = p.today_view(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    assert_eq!(
        (sunday.week_starts_on.to_string(), sunday.week_ends_on.to_string()),
        ("2026-11-16".into(), "2026-11-22".into())
    );
}

#[test]
fn only_a_drop_of_two_or_more_in_the_latest_map_flags_a_client() {
    let p = TempPractice::new();
    let fell = p.add_client("Fell Sharply");
    let recovered = p.add_client("Recovered Later");
    let gentle = p.add_client("Gentle Slide");
    let single = p.add_client("One Map Only");
    map(&p, &fell.id, "2026-10-01T10:00:00Z", [8, 8, 8, 8, 8, 8, 8]);
    map(&p, &fell.id, "2026-11-01T10:00:00Z", [6, 8, 5, 8, 9, 8, 7]);
    // An old drop, mended in the newest map, is no longer news.
    map(&p, &recovered.id, "2026-09-01T10:00:00Z", [8, 8, 8, 8, 8, 8, 8]);
    map(&p, &recovered.id, "2026-10-01T10:00:00Z", [4, 8, 8, 8, 8, 8, 8]);
    map(&p, &recovered.id, "2026-11-01T10:00:00Z", [7, 8, 8, 8, 8, 8, 8]);
    map(&p, &gentle.id, "2026-10-01T10:00:00Z", [8, 8, 8, 8, 8, 8, 8]);
    map(&p, &gentle.id, "2026-11-01T10:00:00Z", [7, 7, 7, 7, 7, 7, 7]);
    map(&p, &single.id, "2026-11-01T10:00:00Z", [1, 1, 1, 1, 1, 1, 1]);

    let view = p.today_view(today()).unwrap();
    assert_eq!(view.flagged_maps.len(), 1, "{:?}", view.flagged_maps);
    let flagged = &view.flagged_maps[0];
    assert_eq!(flagged.client_name, "Fell Sharply");
    assert_eq!(flagged.drops.iter().map(|d| (d.dimension, d.change)).collect::<Vec<_>>(), vec![(1, -2), (3, -3)]);
    let labels = p.assessment_dimensions().unwrap();
    assert_eq!(flagged.drops[0].label, labels[0].label);
    assert!(flagged.drops.iter().all(|d| d.flagged));

    // Trashing the newest map makes the one before it the latest again.
    let maps = p.list_assessment_maps(&recovered.id).unwrap();
    p.trash_item(tenfold::trash::TrashKind::AssessmentMap, &maps[2].id).unwrap();
    let view = p.today_view(today()).unwrap();
    let names: Vec<&str> = view.flagged_maps.iter().map(|f| f.client_name.as_str()).collect();
    assert_eq!(names, vec!["Fell Sharply", "Recovered Later"]);
}

#[test]
fn only_a_latest_map_of_the_last_ninety_days_is_compared() {
    let p = TempPractice::new();
    let long_ago = p.add_client("Fell Long Ago");
    let just_in = p.add_client("Fell Ninety Days Ago");
    map(&p, &long_ago.id, "2026-07-01T10:00:00Z", [8, 8, 8, 8, 8, 8, 8]);
    map(&p, &long_ago.id, "2026-08-20T23:59:59Z", [5, 8, 8, 8, 8, 8, 8]);
    map(&p, &just_in.id, "2026-07-01T10:00:00Z", [8, 8, 8, 8, 8, 8, 8]);
    map(&p, &just_in.id, "2026-08-21T00:00:00Z", [5, 8, 8, 8, 8, 8, 8]);

    let view = p.today_view(today()).unwrap();
    assert_eq!(tenfold::today::FLAGGED_MAP_DAYS, 90);
    assert_eq!(view.flagged_since.to_string(), "2026-08-21");
    let names: Vec<&str> = view.flagged_maps.iter().map(|f| f.client_name.as_str()).collect();
    assert_eq!(names, vec!["Fell Ninety Days Ago"]);

    // The latest map is compared with the one just before it, not with an older one.
    map(&p, &just_in.id, "2026-09-01T10:00:00Z", [5, 8, 8, 8, 8, 8, 8]);
    assert!(p.today_view(today()).unwrap().flagged_maps.is_empty());
}

#[test]
fn a_given_directive_past_its_date_is_overdue_until_the_client_reports_back() {
    let p = TempPractice::new();
    let client = p.add_client("Dana");
    let directive = |title: &str, due_on: &str| {
        p.create_directive(&DirectiveInput {
            client_id: client.id.clone(),
            title: title.into(),
            due_on: due_on.into(),
            ..Default::default()
        })
        .unwrap()
    };
    let give = |id: &str| {
        p.move_directive(
            id,
            &DirectiveMove { status: DirectiveStatus::Given, given_on: "2026-11-01".into(), outcome: None },
        )
        .unwrap()
    };
    let late = directive("Walk before work", "2026-11-12");
    give(&late.id);
    let later = directive("Write the unsent letter", "2026-11-17");
    give(&later.id);
    let due_today = directive("Call the sister", "2026-11-19");
    give(&due_today.id);
    let draft = directive("Still a draft", "2026-11-01");
    let reported = directive("Reported back", "2026-11-02");
    give(&reported.id);
    p.move_directive(
        &reported.id,
        &DirectiveMove { status: DirectiveStatus::ReportedBack, given_on: String::new(), outcome: None },
    )
    .unwrap();

    let view = p.today_view(today()).unwrap();
    let overdue: Vec<(&str, u32)> =
        view.overdue_directives.iter().map(|o| (o.directive.title.as_str(), o.days_overdue)).collect();
    assert_eq!(overdue, vec![("Walk before work", 7), ("Write the unsent letter", 2)]);
    assert!(view.overdue_directives.iter().all(|o| o.client_name == "Dana"));
    assert!(!overdue.iter().any(|(t, _)| *t == draft.title));
}

#[test]
fn a_letter_waits_until_it_is_exported_or_copied_and_old_ones_stop_waiting() {
    let p = TempPractice::new();
    p.set_exports_folder(p.dir.path().join("out").to_str().unwrap()).unwrap();
    let client = p.add_client("Lena Voss");
    let recent = session(&p, &client.id, "2026-11-18");
    let copied = session(&p, &client.id, "2026-11-11");
    let empty = session(&p, &client.id, "2026-11-04");
    let old = session(&p, &client.id, "2026-10-01");
    for s in [&recent, &copied, &old] {
        homework(&p, s, "Keep the evening walk");
    }
    homework(&p, &recent, "Note one brave moment");
    let waiting = |p: &TempPractice| -> Vec<(String, u32)> {
        p.today_view(today())
            .unwrap()
            .unsent_letters
            .iter()
            .map(|l| (l.session.held_on.to_string(), l.homework_count))
            .collect()
    };
    assert_eq!(waiting(&p), vec![("2026-11-18".to_string(), 2), ("2026-11-11".to_string(), 1)]);
    assert!(!waiting(&p).iter().any(|(d, _)| *d == empty.held_on.to_string()));

    p.record_letter_copied(&copied.id).unwrap();
    assert_eq!(waiting(&p), vec![("2026-11-18".to_string(), 2)]);

    let letter = p
        .render_document(&DocumentRequest::HomeworkLetter {
            session_id: recent.id.clone(),
            template_id: None,
            due_on: None,
        })
        .unwrap();
    p.save_to_exports_folder(&letter).unwrap();
    assert!(waiting(&p).is_empty());
}

/// The letters and overdue cards carry only what they show and open (not the session's notes
/// or the directive's instructions), and it is the record's own.
#[test]
fn the_letter_and_directive_cards_name_the_record_they_open() {
    let p = TempPractice::new();
    let client = p.add_client("Ada Brennan");
    let held = session(&p, &client.id, "2026-11-17");
    p.update_session_notes(&held.id, "Long notes the card has no use for").unwrap();
    homework(&p, &held, "Keep the evening walk");
    let directive = p
        .create_directive(&DirectiveInput {
            client_id: client.id.clone(),
            title: "Walk before work".into(),
            instructions: "Instructions the card has no use for".into(),
            due_on: "2026-11-12".into(),
            ..Default::default()
        })
        .unwrap();
    p.move_directive(
        &directive.id,
        &DirectiveMove { status: DirectiveStatus::Given, given_on: "2026-11-01".into(), outcome: None },
    )
    .unwrap();

    let view = p.today_view(today()).unwrap();
    let letter = &view.unsent_letters[0].session;
    assert_eq!(
        (letter.id.as_str(), letter.client_id.as_str(), letter.held_on),
        (held.id.as_str(), client.id.as_str(), held.held_on)
    );
    let heading = &view.overdue_directives[0].directive;
    assert_eq!(
        (heading.id.as_str(), heading.client_id.as_str(), heading.title.as_str(), heading.due_on),
        (directive.id.as_str(), client.id.as_str(), "Walk before work", directive.due_on)
    );
}

#[test]
fn the_session_log_and_the_page_count_only_live_homework() {
    let p = TempPractice::new();
    let client = p.add_client("Ari");
    let s = session(&p, &client.id, "2026-11-19");
    homework(&p, &s, "One");
    homework(&p, &s, "Two");
    let items = p.list_session_homework(&s.id).unwrap();
    p.trash_homework_item(&items[0].id).unwrap();
    let view = p.today_view(today()).unwrap();
    assert_eq!(view.sessions[0].homework_count, 1);
    assert_eq!(view.unsent_letters[0].homework_count, 1);
    p.trash_homework_item(&items[1].id).unwrap();
    let view = p.today_view(today()).unwrap();
    assert!(view.unsent_letters.is_empty(), "a session whose items are all trashed has no letter");
}

/// The page reads the whole practice in a fixed number of statements: the same for one
/// generated client as for thirty over two years, so it never runs a query per client or row.
#[test]
fn the_page_runs_a_fixed_number_of_statements_however_large_the_practice() {
    let count_for = |clients: u32| {
        let p = TempPractice::new();
        let end_on = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        p.generate_practice(&tenfold::generate::GenerateOptions { clients, years: 2, seed: 7, end_on }).unwrap();
        let (view, statements) = p.count_statements(|p| p.today_view(end_on));
        (view.unwrap(), statements)
    };
    let (small_view, small) = count_for(1);
    let (large_view, large) = count_for(30);
    assert!(
        large_view.unsent_letters.len() + large_view.sessions.len() + large_view.flagged_maps.len()
            > small_view.sessions.len()
    );
    assert_eq!(small, large, "the Today page runs a statement per row somewhere");
    assert!(large <= 8, "the Today page runs {large} statements");
}

#[test]
fn sessions_of_a_day_come_in_the_order_of_their_times_then_by_name() {
    let p = TempPractice::new();
    let today = tenfold::today::local_today();
    let timed = |name: &str, at: &str| {
        let client = p.add_client(name);
        p.plan_session(&tenfold::calendar::PlannedSessionInput {
            client_id: client.id,
            held_on: today.to_string(),
            kind: SessionKind::FollowUp,
            time: tenfold::calendar::SessionTimeInput { start_time: at.into(), duration_minutes: 50 },
        })
        .unwrap();
    };
    timed("Aaron", "15:00");
    timed("Zed", "09:00");
    let bea = p.add_client("Bea");
    session(&p, &bea.id, &today.to_string());
    let names: Vec<String> = p.today_view(today).unwrap().sessions.into_iter().map(|s| s.client_name).collect();
    assert_eq!(names, ["Zed", "Aaron", "Bea"]);
}

#[test]
fn active_clients_with_nothing_planned_are_nudged_until_waved_away() {
    let p = TempPractice::new();
    let today = tenfold::today::local_today();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).to_string();
    let old = p.add_client("Active Old");
    session(&p, &old.id, &day(-20));
    let never = p.add_client("Active Never");
    let planned = p.add_client("Planned");
    session(&p, &planned.id, &day(5));
    let held_today = p.add_client("Seen Today");
    session(&p, &held_today.id, &day(0));
    p.create_client(&ClientInput { status: Some(ClientStatus::Paused), ..ClientInput::named("Paused") }).unwrap();

    let unplanned = |on: NaiveDate| -> Vec<(String, Option<NaiveDate>)> {
        p.today_view(on).unwrap().unplanned_clients.into_iter().map(|u| (u.client_name, u.last_session_on)).collect()
    };
    assert_eq!(
        unplanned(today),
        [("Active Never".to_owned(), None), ("Active Old".to_owned(), Some(today - chrono::Duration::days(20)))],
        "never seen first, then the longest since"
    );

    p.dismiss_plan_nudge(&old.id).unwrap();
    p.dismiss_plan_nudge(&never.id).unwrap();
    assert!(unplanned(today).is_empty(), "waved away");

    // Three days on: a session after the nudge was waved away and nothing planned after it
    // brings it back; today's client has nothing planned by then either; the one never seen
    // stays waved away, the one planned in five days is not nudged.
    session(&p, &old.id, &day(1));
    let names: Vec<String> = unplanned(today + chrono::Duration::days(3)).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["Seen Today", "Active Old"]);
}

/// The trends migration 018's triggers keep, against the same comparison read afresh for every
/// client and template: whatever changed the maps, the kept rows must not have drifted.
fn assert_trends_kept(p: &TempPractice) {
    let conn = rusqlite::Connection::open(p.dir.path().join(tenfold::store::DATABASE_FILE)).unwrap();
    let read = |sql: &str| -> Vec<Vec<rusqlite::types::Value>> {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |row| (0..6).map(|i| row.get(i)).collect()).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let kept = read("SELECT * FROM derived_map_trend ORDER BY client_id, template_id");
    let afresh = read(
        "SELECT trend.* FROM client c CROSS JOIN assessment_template t
         JOIN map_trend trend ON trend.client_id = c.id AND trend.template_id = t.id ORDER BY 1, 2",
    );
    assert_eq!(kept, afresh);
}

#[test]
fn the_kept_comparison_of_the_two_newest_maps_follows_every_change_to_them() {
    use tenfold::methods::WHEEL_OF_LIFE_ID;
    use tenfold::trash::TrashKind;
    let p = TempPractice::new();
    let noor = p.add_client("Noor");
    let sam = p.add_client("Sam");
    let wheel_map = |client_id: &str, taken_at: &str, scores: &[i32]| {
        let input = AssessmentInput {
            client_id: client_id.into(),
            session_id: None,
            taken_at: Some(taken_at.into()),
            note: String::new(),
            scores: ScoreInput::in_order(scores),
        };
        p.record_template_map(WHEEL_OF_LIFE_ID, &input).unwrap()
    };
    let flagged = |p: &TempPractice| -> Vec<(String, String)> {
        let view = p.today_view(today()).unwrap();
        view.flagged_maps.into_iter().map(|f| (f.client_name, f.template_name)).collect()
    };

    map(&p, &noor.id, "2026-09-01T10:00:00Z", [8, 8, 8, 8, 8, 8, 8]);
    assert_trends_kept(&p);
    map(&p, &noor.id, "2026-10-01T10:00:00Z", [5, 8, 8, 8, 8, 8, 8]);
    wheel_map(&sam.id, "2026-09-01T10:00:00Z", &[6; 8]);
    let sam_fell = wheel_map(&sam.id, "2026-10-01T10:00:00Z", &[6, 6, 3, 6, 6, 6, 6, 6]);
    assert_trends_kept(&p);
    // Taken the same day, they come by name.
    assert_eq!(
        flagged(&p),
        vec![("Noor".to_owned(), "Assessment Map".to_owned()), ("Sam".to_owned(), "Wheel of Life".to_owned())]
    );

    // A new version of the template moves the dimension that fell; the next map is on it.
    let mut wheel = common::template_input(&p.assessment_template(WHEEL_OF_LIFE_ID).unwrap());
    wheel.dimensions.swap(0, 2);
    p.edit_assessment_template(WHEEL_OF_LIFE_ID, &wheel).unwrap();
    let sam_mended = wheel_map(&sam.id, "2026-11-01T10:00:00Z", &[6; 8]);
    assert_trends_kept(&p);
    assert_eq!(flagged(&p), vec![("Noor".to_owned(), "Assessment Map".to_owned())]);

    // Trashing the newest map brings the fall back; restoring it mends it again.
    p.trash_item(TrashKind::AssessmentMap, &sam_mended.id).unwrap();
    assert_trends_kept(&p);
    assert_eq!(flagged(&p).len(), 2);
    p.restore_item(TrashKind::AssessmentMap, &sam_mended.id).unwrap();
    assert_trends_kept(&p);
    assert_eq!(flagged(&p).len(), 1);

    // Trash emptied for good after its days: the maps are deleted, and with one map left a
    // client has nothing to compare.
    p.trash_item(TrashKind::AssessmentMap, &sam_mended.id).unwrap();
    p.trash_item(TrashKind::AssessmentMap, &sam_fell.id).unwrap();
    let conn = rusqlite::Connection::open(p.dir.path().join(tenfold::store::DATABASE_FILE)).unwrap();
    conn.execute("UPDATE assessment_map SET trashed_at = '2000-01-01T00:00:00.000Z' WHERE trashed_at IS NOT NULL", [])
        .unwrap();
    p.purge_expired_trash().unwrap();
    assert_trends_kept(&p);
    let kept: u32 = conn.query_row("SELECT count(*) FROM derived_map_trend", [], |row| row.get(0)).unwrap();
    assert_eq!(kept, 1, "only Noor still has two maps on a template");
    assert_eq!(flagged(&p), vec![("Noor".to_owned(), "Assessment Map".to_owned())]);
}

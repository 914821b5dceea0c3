//! One practice on several devices: units recorded on one replica reach another through a
//! shared folder, a unit applied twice changes nothing, a conflict ends identical everywhere
//! with the losing text kept, a change to a trashed record brings it back, and a unit from a
//! newer Tenfold waits.

mod common;

use std::fs;

use common::devices::{replicas, shared_content, sync};
use tenfold::clients::ClientInput;
use tenfold::devices::WaitReason;
use tenfold::focus::FocusAnswer;
use tenfold::ErrorKind;

#[test]
fn what_one_device_writes_reaches_the_other_through_the_folder() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::DesiredOutcome, "A calmer harmonium practice").unwrap();
    assert_eq!(laptop.unsent_units().unwrap(), 3, "each unit is recorded in the outbox");

    assert_eq!(laptop.send_to(folder.path()).unwrap(), 3);
    assert_eq!(laptop.unsent_units().unwrap(), 0);
    let report = office.replay_from(folder.path()).unwrap();
    assert_eq!(report.applied, 3);

    assert_eq!(office.client(&client.id).unwrap().name, "Ada Brennan");
    assert_eq!(office.focus_area(&area.id).unwrap().desired_outcome, "A calmer harmonium practice");
    let found = office.search("harmonium").unwrap();
    assert!(!found.groups.is_empty(), "the search index follows what was replayed");
    assert_eq!(shared_content(&laptop), shared_content(&office));
}

#[test]
fn a_unit_applied_twice_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::Barriers, "Time").unwrap();
    laptop.update_focus_answer(&area.id, FocusAnswer::Barriers, "Time and money").unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    let before = shared_content(&office);

    // As if the record of the last unit applied had been lost: it comes again.
    let database = office.path().to_path_buf();
    let raw = rusqlite::Connection::open(&database).unwrap();
    raw.execute("UPDATE device_applied SET seq = seq - 1", []).unwrap();
    drop(raw);
    let report = office.replay_from(folder.path()).unwrap();
    assert_eq!(report.applied, 1, "the last unit was offered again");
    assert_eq!(shared_content(&office), before, "and none of them changed anything");
    assert!(office.other_versions().unwrap().is_empty(), "a unit meeting itself is no conflict");
    assert_eq!(office.replay_from(folder.path()).unwrap().applied, 0, "nothing new to apply");
}

#[test]
fn the_same_answer_edited_on_two_devices_ends_identical_with_the_loser_kept() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());

    laptop.update_focus_answer(&area.id, FocusAnswer::TenLooksLike, "Typed on the laptop").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    office.update_focus_answer(&area.id, FocusAnswer::TenLooksLike, "Typed in the office").unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    sync(&laptop, folder.path());

    assert_eq!(shared_content(&laptop), shared_content(&office), "both devices end identical");
    let kept = laptop.focus_area(&area.id).unwrap().ten_looks_like;
    assert_eq!(kept, "Typed in the office", "the later edit wins");
    for replica in [&laptop, &office] {
        let others: Vec<String> = replica.other_versions().unwrap().into_iter().map(|o| o.text).collect();
        assert_eq!(others, ["Typed on the laptop"], "the losing text is kept on every device");
    }
}

#[test]
fn a_change_to_a_record_the_other_device_trashed_brings_it_back_with_a_note() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());

    laptop.trash_client(&client.id).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let mut input = ClientInput::named("Ada Brennan");
    input.private_notes = "Prefers mornings".into();
    office.update_client(&client.id, &input).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    sync(&laptop, folder.path());

    for replica in [&laptop, &office] {
        let back = replica.client(&client.id).unwrap();
        assert_eq!(back.trashed_at, None, "the client is out of the trash");
        assert_eq!(back.private_notes, "Prefers mornings");
        let notes = replica.restored_from_trash().unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].table, "client");
        assert!(notes[0].note.contains("changed on another device"), "{}", notes[0].note);
    }
    assert_eq!(shared_content(&laptop), shared_content(&office));
}

#[test]
fn a_unit_from_a_newer_tenfold_waits_and_says_the_app_needs_updating() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    laptop.send_to(folder.path()).unwrap();

    // The same unit as a newer release would write it: its header names a later schema.
    let me = laptop.this_device().unwrap().unwrap();
    let path = folder.path().join(&me.device_id).join(format!("{:012}", 1));
    let bytes = fs::read(&path).unwrap();
    let first = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
    let second = first + bytes[first..].iter().position(|b| *b == b'\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_slice(&bytes[first..second]).unwrap();
    header["schema"] = (tenfold::store::latest_schema_version() + 1).into();
    let mut newer = bytes[..first].to_vec();
    newer.extend(serde_json::to_vec(&header).unwrap());
    newer.extend(&bytes[second..]);
    fs::write(&path, newer).unwrap();

    let report = office.replay_from(folder.path()).unwrap();
    assert_eq!(report.applied, 0);
    assert_eq!(report.waiting.len(), 1);
    assert_eq!(report.waiting[0].reason, WaitReason::NeedsUpdate);
    assert_eq!(report.waiting[0].device_name, "Device 0");
    assert_eq!(office.client(&client.id).unwrap_err().kind(), ErrorKind::NotFound, "nothing of it was applied");
}

#[test]
fn a_missing_folder_is_a_clear_message_and_local_work_goes_on() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, _office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let gone = folder.path().join("unplugged");
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    let error = laptop.replay_from(&gone).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::SharedFolder, "{error}");
    assert!(error.to_string().contains("is not there"), "{error}");
    assert_eq!(laptop.client(&client.id).unwrap().name, "Ada Brennan");
    assert_eq!(laptop.unsent_units().unwrap(), 1, "the unit waits in the outbox");
}

#[test]
fn a_practice_on_one_device_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let practice = tenfold::Practice::open_in(dir.path()).unwrap();
    practice.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    assert_eq!(practice.unsent_units().unwrap(), 0);
    assert_eq!(practice.send_to(dir.path()).unwrap_err().kind(), ErrorKind::NotShared);
}

/// Every table the fixture fills through the core's own functions (clients, areas, answers,
/// ratings, sessions, homework, values, maps, the coach's session kinds, question sets and
/// their answers) arrives whole: a write that bypassed the recording would leave the other
/// replica different. The fixture's few rows written with plain SQL on a second connection
/// (no core function, so nothing records them) are left out of the comparison.
#[test]
fn every_write_through_the_core_reaches_the_other_device() {
    use tenfold::branding::BrandingInput;
    use tenfold::documents::DocumentRequest;
    use tenfold::formulation::FormulationText;
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = common::fill::fill_through_core(&laptop);
    // The tables the shared fixture fills with plain SQL, here through the core.
    let formulation = laptop.start_formulation(&client).unwrap();
    laptop.update_formulation_text(&formulation.id, FormulationText::Pattern, "Steps in before the team can").unwrap();
    let mut directive = laptop.directive_draft_from_formulation(&formulation.id).unwrap();
    directive.title = "Deliberately late reply".into();
    directive.instructions = "Wait an hour before answering the team chat".into();
    laptop.create_directive(&directive).unwrap();
    laptop
        .update_branding(&BrandingInput {
            coach_name: "Robin Coach".into(),
            practice_name: "Tenfold Coaching".into(),
            contact_lines: vec!["robin@example.org".into()],
            accent_colour: "#2F5D54".into(),
            sign_off: "Warmly".into(),
        })
        .unwrap();
    laptop.set_logo(include_bytes!("../assets/icon.svg")).unwrap();
    laptop.update_settings(&tenfold::settings::Settings { focus_timer_minutes: 20 }).unwrap();
    let exports = tempfile::tempdir().unwrap();
    laptop.set_exports_folder(exports.path().to_str().unwrap()).unwrap();
    let report = laptop.render_document(&DocumentRequest::ProgressReport { client_id: client.clone() }).unwrap();
    laptop.save_to_exports_folder(&report).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());

    let content = shared_content(&office);
    for table in content["tables"].as_object().unwrap().keys() {
        assert!(!content["tables"][table].as_array().unwrap().is_empty(), "{table} has nothing on the other device");
    }
    assert_eq!(shared_content(&laptop), content);
}

/// A unit that refers to a record created on a third device waits until that device's unit
/// has arrived, and then both apply, whatever order the sync tool delivered them in.
#[test]
fn a_unit_that_needs_a_record_from_a_third_device_waits_for_it() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office, tablet] = <[_; 3]>::try_from(replicas(folder.path(), 3)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    let area = office.create_focus_area(&client.id, "Work").unwrap();
    office.send_to(folder.path()).unwrap();

    // The laptop's units have not reached the tablet yet.
    let laptop_dir = folder.path().join(laptop.this_device().unwrap().unwrap().device_id);
    let delayed = folder.path().join(".delayed");
    fs::rename(&laptop_dir, &delayed).unwrap();
    let report = tablet.replay_from(folder.path()).unwrap();
    assert_eq!(report.applied, 0);
    assert_eq!(report.waiting.len(), 1, "{report:?}");
    assert_eq!(report.waiting[0].reason, WaitReason::OtherDevice);
    assert_eq!(tablet.focus_area(&area.id).unwrap_err().kind(), ErrorKind::NotFound, "nothing half applied");

    fs::rename(&delayed, &laptop_dir).unwrap();
    let report = tablet.replay_from(folder.path()).unwrap();
    assert!(report.waiting.is_empty(), "{report:?}");
    assert_eq!(report.applied, 2);
    assert_eq!(tablet.focus_area(&area.id).unwrap().title, "Work");
    assert_eq!(shared_content(&tablet), shared_content(&office));
}

/// Two devices rate the same area in the same session before they hear from each other: only
/// one rating of a session may be live, so the later one stays and the other goes to the
/// trash, on both devices alike.
#[test]
fn one_session_rated_on_two_devices_keeps_the_later_rating_and_trashes_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    let area = laptop.create_focus_area(&client.id, "Work").unwrap();
    let session = laptop
        .create_session(&tenfold::sessions::SessionInput {
            client_id: client.id.clone(),
            held_on: "2026-11-30".into(),
            kind: tenfold::sessions::SessionKind::Strategy,
            notes: String::new(),
            prep_checklist: vec![],
        })
        .unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    let rate = |practice: &tenfold::Practice, value: i32, note: &str| {
        practice
            .record_rating(&tenfold::focus::RatingInput {
                focus_area_id: area.id.clone(),
                session_id: Some(session.id.clone()),
                value,
                note: note.into(),
                taken_at: None,
            })
            .unwrap()
    };
    let first = rate(&laptop, 4, "Rated on the laptop");
    std::thread::sleep(std::time::Duration::from_millis(5));
    let later = rate(&office, 7, "Rated in the office");
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    sync(&laptop, folder.path());

    assert_eq!(shared_content(&laptop), shared_content(&office), "both devices end identical");
    for replica in [&laptop, &office] {
        let live: Vec<String> = replica.rating_history(&area.id).unwrap().into_iter().map(|r| r.id).collect();
        assert_eq!(live, std::slice::from_ref(&later.id), "the later rating is the session's");
        let trashed: Vec<String> = replica.list_trash().unwrap().into_iter().map(|item| item.id).collect();
        assert!(trashed.contains(&first.id), "the other one waits in the trash: {trashed:?}");
    }
}

/// Waving away Today's "nothing planned" nudge is a write of its own (no form around it): it
/// reaches the other device like any other.
#[test]
fn a_nudge_waved_away_on_one_device_is_gone_on_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    let today = chrono::Local::now().date_naive();
    let nudged = |p: &tenfold::Practice| p.today_view(today).unwrap().unplanned_clients.len();
    assert_eq!(nudged(&office), 1);

    laptop.dismiss_plan_nudge(&client.id).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    assert_eq!(nudged(&office), 0, "the nudge waved away on the laptop is gone on the office computer");
    assert_eq!(shared_content(&laptop), shared_content(&office));
}

#[test]
fn question_sets_made_or_revised_on_two_devices_are_both_kept_alike_everywhere() {
    use tenfold::methods::{QuestionInput, QuestionSetInput, TemplateInput, STRATEGY_SET_ID};
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let strategy = laptop.question_set(STRATEGY_SET_ID).unwrap();
    let new_set = |question: &str| QuestionSetInput {
        name: "Intake".into(),
        session_kind: strategy.session_kind.clone(),
        questions: vec![QuestionInput::free_text(question)],
    };
    let revised = |question: &str| {
        let mut input = common::set_input(&strategy);
        input.questions.push(QuestionInput::free_text(question));
        input
    };

    // The same name, and a new version of the same set, on both devices before they sync.
    let check_in = |name: &str, first: &str| TemplateInput::new(name, &[first, "Health", "Work"]);
    laptop.create_question_set(&new_set("What brings you here?")).unwrap();
    laptop.edit_question_set(STRATEGY_SET_ID, &revised("Asked on the laptop")).unwrap();
    laptop.create_assessment_template(&check_in("Quarterly check", "Family")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    office.create_question_set(&new_set("What would change first?")).unwrap();
    office.edit_question_set(STRATEGY_SET_ID, &revised("Asked in the office")).unwrap();
    office.create_assessment_template(&check_in("quarterly CHECK", "Friends")).unwrap();
    for replica in [&laptop, &office, &laptop] {
        sync(replica, folder.path());
    }

    assert_eq!(shared_content(&laptop), shared_content(&office), "both devices end identical");
    for replica in [&laptop, &office] {
        let sets = replica.list_question_sets(false).unwrap();
        let intake = |name: &str| sets.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no set {name:?}"));
        assert_eq!(intake("Intake").questions[0].text, "What brings you here?", "the first one keeps the name");
        assert_eq!(
            intake("Intake (Device 1)").questions[0].text,
            "What would change first?",
            "the later one is named after the device it was made on"
        );

        let raw = rusqlite::Connection::open(replica.path()).unwrap();
        let versions: Vec<i64> = raw
            .prepare("SELECT version FROM question_set_version WHERE set_id = ?1 ORDER BY version")
            .unwrap()
            .query_map([STRATEGY_SET_ID], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(versions, [1, 2, 3], "both revisions are kept, numbered in the order they were made");
        let current = replica.question_set(STRATEGY_SET_ID).unwrap();
        assert_eq!(current.questions.last().unwrap().text, "Asked in the office", "the later revision is current");

        let templates = replica.list_assessment_templates(false).unwrap();
        let first_label = |name: &str| {
            let template = templates.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("no template {name:?}"));
            template.dimensions[0].label.clone()
        };
        assert_eq!(first_label("Quarterly check"), "Family", "names clash however they are written");
        assert_eq!(first_label("quarterly CHECK (Device 1)"), "Friends");
    }
}

#[test]
fn a_set_renamed_on_one_device_to_a_name_just_made_on_the_other_keeps_both_alike_everywhere() {
    use tenfold::methods::{QuestionInput, QuestionSetInput, STRATEGY_SET_ID};
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let kind = laptop.question_set(STRATEGY_SET_ID).unwrap().session_kind;
    let input = |name: &str, question: &str| QuestionSetInput {
        name: name.into(),
        session_kind: kind.clone(),
        questions: vec![QuestionInput::free_text(question)],
    };
    let intake = laptop.create_question_set(&input("Intake", "What brings you here?")).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());

    // The office makes "Check-in"; a moment later the laptop renames its "Intake" to the same.
    office.create_question_set(&input("Check-in", "What changed since?")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    laptop.edit_question_set(&intake.id, &input("Check-in", "What brings you here?")).unwrap();
    for replica in [&laptop, &office, &laptop] {
        sync(replica, folder.path());
    }

    assert_eq!(shared_content(&laptop), shared_content(&office), "both devices end identical");
    for replica in [&laptop, &office] {
        let sets = replica.list_question_sets(false).unwrap();
        let named = |name: &str| sets.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no set {name:?}"));
        assert_eq!(named("Check-in").id, intake.id, "the set born first keeps the name it was given");
        assert_eq!(
            named("Check-in (Device 1)").questions[0].text,
            "What changed since?",
            "the later-born takes the next one"
        );
    }
}

#[test]
fn the_same_name_made_on_three_devices_ends_alike_whatever_order_the_units_arrive_in() {
    use tenfold::methods::{QuestionInput, QuestionSetInput, STRATEGY_SET_ID};
    let folder = tempfile::tempdir().unwrap();
    let replicas = replicas(folder.path(), 3);
    let kind = replicas[0].question_set(STRATEGY_SET_ID).unwrap().session_kind;
    for (index, replica) in replicas.iter().enumerate().rev() {
        let input = QuestionSetInput {
            name: "Intake".into(),
            session_kind: kind.clone(),
            questions: vec![QuestionInput::free_text(&format!("Asked on device {index}"))],
        };
        replica.create_question_set(&input).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // Device 1 hears from device 2 first, device 0 from device 1 first.
    replicas[2].send_to(folder.path()).unwrap();
    replicas[1].send_to(folder.path()).unwrap();
    replicas[1].replay_from(folder.path()).unwrap();
    replicas[0].send_to(folder.path()).unwrap();
    for replica in &replicas {
        sync(replica, folder.path());
    }
    let names = |replica: &tenfold::Practice| {
        let mut sets: Vec<(String, String)> = replica
            .list_question_sets(false)
            .unwrap()
            .into_iter()
            .filter(|s| s.name.starts_with("Intake"))
            .map(|s| (s.name, s.questions[0].text.clone()))
            .collect();
        sets.sort();
        sets
    };
    let expected = [
        ("Intake".to_owned(), "Asked on device 2".to_owned()),
        ("Intake (Device 0)".to_owned(), "Asked on device 0".to_owned()),
        ("Intake (Device 1)".to_owned(), "Asked on device 1".to_owned()),
    ];
    for replica in &replicas {
        assert_eq!(names(replica), expected, "the first made keeps the name, the others are named after their device");
        assert_eq!(shared_content(replica), shared_content(&replicas[0]));
    }
}

#[test]
fn a_name_that_clashed_only_for_a_moment_goes_back_once_it_is_free() {
    use tenfold::methods::{QuestionInput, QuestionSetInput, STRATEGY_SET_ID};
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office, tablet] = <[_; 3]>::try_from(replicas(folder.path(), 3)).ok().unwrap();
    let kind = laptop.question_set(STRATEGY_SET_ID).unwrap().session_kind;
    let input = |name: &str| QuestionSetInput {
        name: name.into(),
        session_kind: kind.clone(),
        questions: vec![QuestionInput::free_text("What brings you here?")],
    };
    // The laptop makes "Review" and renames it at once; the office makes its own "Review" later.
    let first = laptop.create_question_set(&input("Review")).unwrap();
    laptop.edit_question_set(&first.id, &input("Intake")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let second = office.create_question_set(&input("Review")).unwrap();

    // The office hears of the laptop's "Review" before its rename: for a moment, two of them.
    laptop.send_to(folder.path()).unwrap();
    let laptop_dir = folder.path().join(laptop.this_device().unwrap().unwrap().device_id);
    let rename = laptop_dir.join(format!("{:012}", 2));
    let held_back = folder.path().join(".held-back");
    fs::rename(&rename, &held_back).unwrap();
    office.replay_from(folder.path()).unwrap();
    assert_eq!(office.question_set(&second.id).unwrap().name, "Review (Device 1)", "moved while the other holds it");
    fs::rename(&held_back, &rename).unwrap();

    for replica in [&office, &laptop, &tablet, &office, &laptop] {
        sync(replica, folder.path());
    }
    for replica in [&laptop, &office, &tablet] {
        assert_eq!(replica.question_set(&first.id).unwrap().name, "Intake");
        assert_eq!(replica.question_set(&second.id).unwrap().name, "Review", "back once the name is free");
    }
    assert_eq!(shared_content(&laptop), shared_content(&office));
    assert_eq!(shared_content(&laptop), shared_content(&tablet));
}

#[test]
fn a_fall_between_maps_made_on_two_devices_is_flagged_alike_on_both() {
    use tenfold::assessment::{AssessmentInput, ScoreInput};
    use tenfold::trash::TrashKind;
    let map = |client_id: &str, taken_at: &str, scores: [i32; 7]| AssessmentInput {
        client_id: client_id.into(),
        session_id: None,
        taken_at: Some(taken_at.into()),
        note: String::new(),
        scores: ScoreInput::in_order(&scores),
    };
    let flagged = |device: &tenfold::Practice| -> Vec<(String, Vec<u8>)> {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
        let view = device.today_view(day).unwrap();
        view.flagged_maps.into_iter().map(|f| (f.client_name, f.drops.iter().map(|d| d.dimension).collect())).collect()
    };
    let folder = tempfile::tempdir().unwrap();
    let [laptop, office] = <[_; 2]>::try_from(replicas(folder.path(), 2)).ok().unwrap();
    let client = laptop.create_client(&ClientInput::named("Ada Brennan")).unwrap();
    laptop.record_assessment_map(&map(&client.id, "2026-10-01T10:00:00Z", [8; 7])).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());

    // The second map, made on the other device, fell on the first dimension.
    let fell = office.record_assessment_map(&map(&client.id, "2026-11-01T10:00:00Z", [5, 8, 8, 8, 8, 8, 8])).unwrap();
    sync(&office, folder.path());
    sync(&laptop, folder.path());
    assert_eq!(flagged(&laptop), vec![("Ada Brennan".to_owned(), vec![1])]);
    assert_eq!(flagged(&office), flagged(&laptop));
    assert_eq!(shared_content(&laptop), shared_content(&office), "the kept trends too");

    // Trashed on the first device, the map that fell is no longer compared on either.
    laptop.trash_item(TrashKind::AssessmentMap, &fell.id).unwrap();
    sync(&laptop, folder.path());
    sync(&office, folder.path());
    assert!(flagged(&office).is_empty());
    assert_eq!(shared_content(&laptop), shared_content(&office));
}

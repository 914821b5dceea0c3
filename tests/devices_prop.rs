//! Three replicas of one practice run random sequences of the core's own operations (create a
//! client or an area, edit the same answer on several devices, trash, restore, reorder, rate,
//! also the same session on several devices, make or rename question sets under clashing names) while their
//! units travel in random order, some of them twice and some late; at the end, once everything
//! has arrived everywhere, every replica's whole-practice export is the same, and every text
//! any device acknowledged is the current answer, a kept other version, or a text some device
//! had on screen when it wrote over it.
//!
//! The default number of cases keeps this to a few seconds; for a longer run:
//! `PROPTEST_CASES=500 cargo test -p tenfold --test devices_prop` (a failure prints the
//! shrunk sequence of operations).

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::devices::{replicas, shared_content};
use proptest::prelude::*;
use tenfold::clients::ClientInput;
use tenfold::focus::{FocusAnswer, RatingInput};
use tenfold::sessions::{SessionInput, SessionKind};
use tenfold::Practice;

const REPLICAS: usize = 3;
const AREAS: usize = 2;

#[derive(Debug, Clone)]
enum Op {
    EditAnswer {
        on: usize,
        area: usize,
    },
    CreateClient {
        on: usize,
    },
    /// A new area under a client this replica has (perhaps one another replica created), so
    /// units refer to records from other devices' units.
    AddArea {
        on: usize,
        client: usize,
    },
    TrashClient {
        on: usize,
    },
    RestoreClient {
        on: usize,
    },
    Reorder {
        on: usize,
    },
    Rate {
        on: usize,
        area: usize,
        value: i32,
        in_session: bool,
    },
    /// A question set made, or one renamed, under a name from a small pool, so names clash
    /// across devices (and by case).
    NameSet {
        on: usize,
        name: usize,
        set: usize,
        rename: bool,
    },
    /// The replica writes its new units to its own outgoing folder.
    Send {
        on: usize,
    },
    /// One unit file of `from` reaches `to` (perhaps again, perhaps before an earlier one).
    Carry {
        from: usize,
        to: usize,
        pick: usize,
    },
    Replay {
        on: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let on = 0..REPLICAS;
    prop_oneof![
        4 => (on.clone(), 0..8usize).prop_map(|(on, area)| Op::EditAnswer { on, area }),
        1 => on.clone().prop_map(|on| Op::CreateClient { on }),
        1 => (on.clone(), 0..8usize).prop_map(|(on, client)| Op::AddArea { on, client }),
        1 => on.clone().prop_map(|on| Op::TrashClient { on }),
        1 => on.clone().prop_map(|on| Op::RestoreClient { on }),
        1 => on.clone().prop_map(|on| Op::Reorder { on }),
        2 => (on.clone(), 0..8usize, 1..=10i32, any::<bool>())
            .prop_map(|(on, area, value, in_session)| Op::Rate { on, area, value, in_session }),
        1 => (on.clone(), 0..3usize, 0..4usize, any::<bool>())
            .prop_map(|(on, name, set, rename)| Op::NameSet { on, name, set, rename }),
        2 => on.clone().prop_map(|on| Op::Send { on }),
        4 => (on.clone(), on.clone(), 0..64usize).prop_map(|(from, to, pick)| Op::Carry { from, to, pick }),
        2 => on.prop_map(|on| Op::Replay { on }),
    ]
}

struct World {
    replicas: Vec<common::devices::Replica>,
    _folders: tempfile::TempDir,
    outgoing: Vec<PathBuf>,
    incoming: Vec<PathBuf>,
    client: String,
    /// A session of the client, so ratings on two devices can claim the same session.
    session: String,
    areas: Vec<String>,
    /// Every text a replica acknowledged saving, with its area.
    written: BTreeSet<(String, String)>,
    /// Texts a replica had as the answer when it wrote over it.
    replaced_knowingly: BTreeSet<(String, String)>,
    counter: usize,
}

impl World {
    fn new() -> World {
        let folders = tempfile::tempdir().unwrap();
        let share = folders.path().join("share");
        let replicas = replicas(&share, REPLICAS);
        let client = replicas[0].create_client(&ClientInput::named("Ada Brennan")).unwrap();
        let areas: Vec<String> =
            (0..AREAS).map(|i| replicas[0].create_focus_area(&client.id, &format!("Area {i}")).unwrap().id).collect();
        let session = replicas[0]
            .create_session(&SessionInput {
                client_id: client.id.clone(),
                held_on: "2026-11-30".into(),
                kind: SessionKind::Strategy,
                notes: String::new(),
                prep_checklist: vec![],
            })
            .unwrap()
            .id;
        let outgoing: Vec<PathBuf> = (0..REPLICAS).map(|i| folders.path().join(format!("out-{i}"))).collect();
        let incoming: Vec<PathBuf> = (0..REPLICAS).map(|i| folders.path().join(format!("in-{i}"))).collect();
        for dir in outgoing.iter().chain(&incoming) {
            fs::create_dir_all(dir).unwrap();
        }
        let mut world = World {
            replicas,
            _folders: folders,
            outgoing,
            incoming,
            client: client.id,
            session,
            areas,
            written: BTreeSet::new(),
            replaced_knowingly: BTreeSet::new(),
            counter: 0,
        };
        // Everyone starts from the client and its areas.
        world.apply(&Op::Send { on: 0 });
        for to in 1..REPLICAS {
            world.carry_all(0, to);
            world.apply(&Op::Replay { on: to });
        }
        world
    }

    fn practice(&self, on: usize) -> &Practice {
        &self.replicas[on].practice
    }

    fn unit_files(&self, from: usize) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for device in fs::read_dir(&self.outgoing[from]).unwrap() {
            for file in fs::read_dir(device.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                if !path.file_name().unwrap().to_str().unwrap().starts_with('.') {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }

    fn carry(&self, file: &Path, from: usize, to: usize) {
        let relative = file.strip_prefix(&self.outgoing[from]).unwrap();
        let target = self.incoming[to].join(relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(file, target).unwrap();
    }

    fn carry_all(&self, from: usize, to: usize) {
        for file in self.unit_files(from) {
            self.carry(&file, from, to);
        }
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::EditAnswer { on, area } => {
                self.counter += 1;
                let text = format!("typed on {on}, edit {}", self.counter);
                let area_id = self.areas[area % self.areas.len()].clone();
                let before = self.practice(on).focus_area(&area_id).map(|a| a.desired_outcome);
                if self.practice(on).update_focus_answer(&area_id, FocusAnswer::DesiredOutcome, &text).is_ok() {
                    self.replaced_knowingly.insert((area_id.clone(), before.unwrap()));
                    self.written.insert((area_id, text));
                }
            }
            Op::CreateClient { on } => {
                self.counter += 1;
                self.practice(on).create_client(&ClientInput::named(format!("Client {}", self.counter))).unwrap();
            }
            Op::AddArea { on, client } => {
                self.counter += 1;
                let clients = self.practice(on).list_clients(None).unwrap();
                let Some(client) = clients.get(client % clients.len().max(1)) else { return };
                if let Ok(area) = self.practice(on).create_focus_area(&client.id, &format!("Area {}", self.counter)) {
                    self.areas.push(area.id);
                }
            }
            Op::TrashClient { on } => {
                let _ = self.practice(on).trash_client(&self.client);
            }
            Op::RestoreClient { on } => {
                let _ = self.practice(on).restore_client(&self.client);
            }
            Op::Reorder { on } => {
                let practice = self.practice(on);
                if let Ok(areas) = practice.list_focus_areas(&self.client, false) {
                    let reversed: Vec<String> = areas.into_iter().rev().map(|a| a.id).collect();
                    let _ = practice.reorder_focus_areas(&self.client, &reversed);
                }
            }
            Op::Rate { on, area, value, in_session } => {
                let input = RatingInput {
                    focus_area_id: self.areas[area % self.areas.len()].clone(),
                    session_id: in_session.then(|| self.session.clone()),
                    value,
                    note: String::new(),
                    taken_at: None,
                };
                let _ = self.practice(on).record_rating(&input);
            }
            Op::NameSet { on, name, set, rename } => {
                let input = tenfold::methods::QuestionSetInput {
                    name: ["Intake", "intake", "Review"][name].into(),
                    session_kind: "strategy".into(),
                    questions: vec![tenfold::methods::QuestionInput::free_text("What brings you here?")],
                };
                let practice = self.practice(on);
                let from_the_pool: Vec<_> = practice
                    .list_question_sets(true)
                    .unwrap()
                    .into_iter()
                    .filter(|s| ["intake", "review"].iter().any(|pool| s.name.to_lowercase().starts_with(pool)))
                    .collect();
                // Refused when the name is taken on this replica, as the app would refuse it.
                let _ = match (rename, from_the_pool.get(set % from_the_pool.len().max(1))) {
                    (true, Some(existing)) => practice.edit_question_set(&existing.id, &input).map(drop),
                    _ => practice.create_question_set(&input).map(drop),
                };
            }
            Op::Send { on } => {
                self.practice(on).send_to(&self.outgoing[on]).unwrap();
            }
            Op::Carry { from, to, pick } => {
                let files = self.unit_files(from);
                if from != to && !files.is_empty() {
                    self.carry(&files[pick % files.len()], from, to);
                }
            }
            Op::Replay { on } => {
                self.practice(on).replay_from(&self.incoming[on]).unwrap();
            }
        }
    }

    /// Everything sent, carried everywhere and replayed, until nothing is left waiting.
    fn settle(&mut self) {
        for on in 0..REPLICAS {
            self.apply(&Op::Send { on });
        }
        for from in 0..REPLICAS {
            for to in (0..REPLICAS).filter(|to| *to != from) {
                self.carry_all(from, to);
            }
        }
        for on in 0..REPLICAS {
            let report = self.practice(on).replay_from(&self.incoming[on]).unwrap();
            assert!(report.waiting.is_empty(), "replica {on} still waits: {report:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn replicas_end_identical_and_no_acknowledged_text_is_lost(ops in prop::collection::vec(op(), 1..40)) {
        let mut world = World::new();
        for op in &ops {
            world.apply(op);
        }
        world.settle();

        let first = shared_content(world.practice(0));
        for on in 1..REPLICAS {
            let other = shared_content(world.practice(on));
            let differing: Vec<(&String, &serde_json::Value, &serde_json::Value)> = first["tables"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(table, rows)| other["tables"][table.as_str()] != **rows)
                .map(|(table, rows)| (table, rows, &other["tables"][table.as_str()]))
                .collect();
            prop_assert!(differing.is_empty(), "replica {} differs from replica 0: {:#?}", on, differing);
        }
        for on in 0..REPLICAS {
            let practice = world.practice(on);
            let kept: BTreeSet<String> = practice.other_versions().unwrap().into_iter().map(|o| o.text).collect();
            for (area, text) in &world.written {
                let current = practice.focus_area(area).unwrap().desired_outcome;
                let accounted = current == *text
                    || kept.contains(text)
                    || world.replaced_knowingly.contains(&(area.clone(), text.clone()));
                prop_assert!(accounted, "replica {} lost {:?} (current {:?}, kept {:?})", on, text, current, kept);
            }
        }
    }
}

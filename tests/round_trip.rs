//! Round trips over generated practices: backup → restore and export → import give the same
//! content, compared table by table and row by row.

mod common;

use common::fill::{self, ClientSpec};
use common::TempPractice;
use proptest::prelude::*;
use std::path::Path;

fn client_spec() -> impl Strategy<Value = ClientSpec> {
    let text = "[\\PC\n]{0,120}";
    let name = "[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'-]{0,30}";
    (
        name,
        text,
        prop::collection::vec((name, text, prop::collection::vec(1u8..=10, 0..4)), 0..3),
        prop::collection::vec(text, 0..4),
        prop::collection::vec("[A-Za-z][\\PC]{0,60}", 0..3),
        prop::collection::vec("[A-Za-z][A-Za-z ]{0,20}", 0..3),
        any::<bool>(),
    )
        .prop_map(|(name, notes, areas, sessions, homework, values, trashed)| ClientSpec {
            name,
            notes,
            areas,
            sessions,
            homework,
            values,
            trashed,
        })
}

fn practice_from(specs: &[ClientSpec], with_raw_rows: bool) -> TempPractice {
    let p = TempPractice::new();
    let mut first = None;
    for spec in specs {
        let id = fill::add_client(&p, spec);
        first.get_or_insert(id);
    }
    if let (true, Some(id)) = (with_raw_rows, first) {
        fill::add_raw_rows(&p, &id);
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn backup_then_restore_gives_identical_content(
        specs in prop::collection::vec(client_spec(), 0..4),
        raw in any::<bool>(),
        later in client_spec(),
    ) {
        let mut p = practice_from(&specs, raw);
        let snapshot = fill::table_contents(p.path());
        let backup = p.back_up_now().unwrap();
        prop_assert_eq!(&fill::table_contents(Path::new(&backup.path)), &snapshot);
        // Work goes on after the backup, then the coach restores it.
        fill::add_client(&p, &later);
        p.practice.restore_backup(Path::new(&backup.path)).unwrap();
        prop_assert_eq!(fill::table_contents(p.path()), snapshot);
    }

    #[test]
    fn export_then_import_gives_identical_content(
        specs in prop::collection::vec(client_spec(), 0..4),
        raw in any::<bool>(),
    ) {
        let source = practice_from(&specs, raw);
        let document = source.export_document().unwrap();
        // Through text, as a file would carry it.
        let text = serde_json::to_string(&document).unwrap();
        let mut target = TempPractice::new();
        target.practice.import_text(&text).unwrap();
        prop_assert_eq!(fill::table_contents(target.path()), fill::table_contents(source.path()));
        // Searching the imported practice finds what the source found.
        for spec in &specs {
            let word: String = spec.name.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_owned();
            prop_assert_eq!(
                source.search(&word).unwrap().groups.len(),
                target.search(&word).unwrap().groups.len()
            );
        }
    }
}

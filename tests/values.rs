mod common;

use common::{assert_in_trash, assert_invalid, TempPractice};
use tenfold::values::ValueInput;

fn value(text: &str) -> ValueInput {
    ValueInput { value: text.into(), notes: format!("why {text}") }
}

#[test]
fn values_are_ranked_in_the_order_given() {
    let p = TempPractice::new();
    let client = p.add_client("Rosa");
    let growth = p.add_client_value(&client.id, &value("Growth")).unwrap();
    let family = p.add_client_value(&client.id, &value("Family")).unwrap();
    let craft = p.add_client_value(&client.id, &value("Craft")).unwrap();
    assert_eq!((growth.rank, family.rank, craft.rank), (1, 2, 3));

    let ranked = p.rank_client_values(&client.id, &[family.id.clone(), craft.id.clone(), growth.id.clone()]).unwrap();
    assert_eq!(ranked.iter().map(|v| v.value.as_str()).collect::<Vec<_>>(), vec!["Family", "Craft", "Growth"]);
    assert_invalid(p.rank_client_values(&client.id, std::slice::from_ref(&family.id)), "ordered_ids");

    let edited = p.update_client_value(&craft.id, &ValueInput { value: "Mastery".into(), notes: "".into() }).unwrap();
    assert_eq!(edited.value, "Mastery");
    assert_invalid(p.update_client_value(&craft.id, &value("  ")), "value");
    assert_eq!(p.client_value(&craft.id).unwrap().value, "Mastery", "a rejected edit keeps the saved value");

    p.trash_client_value(&family.id).unwrap();
    let left = p.list_client_values(&client.id).unwrap();
    assert_eq!(
        left.iter().map(|v| (v.value.as_str(), v.rank)).collect::<Vec<_>>(),
        vec![("Mastery", 1), ("Growth", 2)]
    );
    // A value added now goes to the bottom, after the ones left.
    assert_eq!(p.add_client_value(&client.id, &value("Play")).unwrap().rank, 3);
    // A value brought back from the trash goes to the bottom too.
    let back = p.restore_client_value(&family.id).unwrap();
    assert_eq!((back.value.as_str(), back.rank), ("Family", 4));
    common::assert_not_found(p.restore_client_value(&family.id), "value in the trash");
}

#[test]
fn session_prep_brings_the_values_with_the_overview() {
    let p = TempPractice::new();
    let client = p.add_client("Rosa");
    p.add_client_value(&client.id, &value("Freedom")).unwrap();
    p.create_focus_area(&client.id, "Work").unwrap();
    let prep = p.session_prep(&client.id).unwrap();
    assert_eq!(prep.overview.values[0].value, "Freedom");
    assert_eq!(prep.overview.focus_areas[0].area.title, "Work");
    p.trash_client(&client.id).unwrap();
    assert_in_trash(p.add_client_value(&client.id, &value("Late")));
}

#[test]
fn the_overview_and_prep_show_values_most_important_first() {
    let p = TempPractice::new();
    let client = p.add_client("Rosa");
    let ids: Vec<String> =
        ["Growth", "Family", "Craft"].iter().map(|v| p.add_client_value(&client.id, &value(v)).unwrap().id).collect();
    p.rank_client_values(&client.id, &[ids[2].clone(), ids[0].clone(), ids[1].clone()]).unwrap();
    let ranked = |values: &[tenfold::values::ClientValue]| {
        values.iter().map(|v| (v.rank, v.value.clone(), v.notes.clone())).collect::<Vec<_>>()
    };
    let expected = vec![
        (1, "Craft".to_string(), "why Craft".to_string()),
        (2, "Growth".to_string(), "why Growth".to_string()),
        (3, "Family".to_string(), "why Family".to_string()),
    ];
    assert_eq!(ranked(&p.client_overview(&client.id).unwrap().values), expected);
    assert_eq!(ranked(&p.session_prep(&client.id).unwrap().overview.values), expected);
    // Another client's values stay theirs.
    let other = p.add_client("Other");
    p.add_client_value(&other.id, &value("Theirs")).unwrap();
    assert_eq!(p.client_overview(&client.id).unwrap().values.len(), 3);
}

/// Removing a value answers with the values as they are ranked now, so the UI shows the core's
/// ranks instead of working them out again.
#[test]
fn removing_a_value_answers_with_the_new_ranking() {
    let p = TempPractice::new();
    let client = p.add_client("Rosa");
    let growth = p.add_client_value(&client.id, &value("Growth")).unwrap();
    p.add_client_value(&client.id, &value("Family")).unwrap();
    p.add_client_value(&client.id, &value("Craft")).unwrap();
    let left = p.trash_client_value(&growth.id).unwrap();
    assert_eq!(left.iter().map(|v| (v.value.as_str(), v.rank)).collect::<Vec<_>>(), [("Family", 1), ("Craft", 2)]);
    assert_eq!(left, p.list_client_values(&client.id).unwrap());
}

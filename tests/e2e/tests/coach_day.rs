//! A coach's whole day on the real app (see `tenfold_e2e::day`), for a plain name, a name full
//! of Typst syntax, and an Arabic name.

use tenfold_e2e::day::coach_day;

const INJECTION: &str = r#"#panic("x") *bold* $x$ <l> @r \ "q""#;

#[tokio::test]
async fn a_coach_s_day_from_the_call_to_the_letter_and_the_next_prep() {
    coach_day("Samantha Reyes", "Sam", true, None).await;
}

#[tokio::test]
async fn the_same_day_for_a_client_named_in_typst_syntax() {
    coach_day(INJECTION, "", false, None).await;
}

#[tokio::test]
async fn the_same_day_for_a_client_with_an_arabic_name() {
    coach_day("مريم يوسف", "مريم", false, None).await;
}

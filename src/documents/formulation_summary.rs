//! The case formulation summary: one version of a client's formulation, for the coach's own
//! files, marked confidential on every page.

use serde::Serialize;

use super::{dates, ClientData, DocumentKind, PreparedDocument};
use crate::branding::BrandData;
use crate::error::Result;
use crate::formulation::Formulation;
use crate::practice::Practice;
use crate::render::Template;

#[derive(Serialize)]
struct SummaryData {
    title: String,
    heading: &'static str,
    date: String,
    confidential_notice: &'static str,
    version_line: String,
    empty_text: &'static str,
    brand: BrandData,
    client: ClientData,
    sections: Vec<Section>,
}

#[derive(Serialize)]
struct Section {
    label: &'static str,
    text: String,
    table: Option<Table>,
}

#[derive(Serialize)]
struct Table {
    columns: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

fn text(label: &'static str, text: &str) -> Section {
    Section { label, text: text.to_owned(), table: None }
}

fn sections(f: &Formulation) -> Vec<Section> {
    vec![
        text("The problem, in the client's words", &f.presenting_problem),
        Section {
            label: "What has been tried",
            text: String::new(),
            table: Some(Table {
                columns: vec!["Who", "What they tried", "How it went"],
                rows: f
                    .attempted_solutions
                    .iter()
                    .map(|s| vec![s.who.clone(), s.what.clone(), s.how_it_went.clone()])
                    .collect(),
            }),
        },
        text("The pattern that keeps repeating", &f.pattern),
        text("What the pattern protects, and what change would put at risk", &f.pattern_protects),
        Section {
            label: "The people around it",
            text: String::new(),
            table: Some(Table {
                columns: vec!["Who", "What they want"],
                rows: f.people_in_system.iter().map(|p| vec![p.who.clone(), p.wants.clone()]).collect(),
            }),
        },
        text("The client's position, language and values", &f.client_position),
        text("Resistance, and where the weight is", &f.resistance),
        text("The first small sign of change", &f.first_sign_of_change),
        text("Working hypothesis", &f.hypothesis),
        text("Directive ideas", &f.directive_ideas),
    ]
}

impl Practice {
    pub(super) fn prepare_formulation_summary(&self, formulation_id: &str) -> Result<PreparedDocument> {
        let formulation = self.formulation(formulation_id)?;
        let client = self.client(&formulation.client_id)?;
        let brand = self.brand()?;
        let data = SummaryData {
            title: format!("Case formulation: {} (confidential)", client.name),
            heading: "Case formulation",
            date: dates::long(dates::today()),
            confidential_notice: "Confidential. The coach's working notes, not for the client.",
            version_line: format!(
                "Version {}, last changed {}",
                formulation.version,
                dates::long(formulation.updated_at.date_naive())
            ),
            empty_text: "Not written yet.",
            sections: sections(&formulation),
            client: ClientData::from(&client),
            brand: brand.data,
        };
        Ok(PreparedDocument {
            kind: DocumentKind::FormulationSummary,
            template: Template::FormulationSummary,
            subject: format!("version {}", formulation.version),
            source_id: formulation.id,
            client,
            data: serde_json::to_value(&data).expect("summary data serialises"),
            attachments: brand.logo.into_iter().collect(),
        })
    }
}

//! The Employees list's filter and sort.

use super::*;

#[test]
fn the_filter_ignores_case_in_any_script_and_narrows_as_one_types() {
    assert!(contains_ci("Niccolò Bianchi", "niccolò"));
    assert!(contains_ci("NICCOLÒ", "niccolò"));
    assert!(contains_ci("Anna.Rossi@Contoso.it", "rossi@c"));
    assert!(!contains_ci(
        "Anna",
        "annA".to_lowercase().as_str().repeat(2).as_str()
    ));
    let mut org = Org::new("X", crate::model::Market::Developed);
    for (id, name) in [
        ("a", "Anna Rossi"),
        ("b", "Bruno Neri"),
        ("c", "Annalisa Neri"),
    ] {
        org.employees
            .push(Employee::new(id, name, &format!("{id}@x.it")));
    }
    let mut v = EmployeesView::default();
    let names = |v: &mut EmployeesView| -> Vec<String> {
        v.rows(&org, 0)
            .iter()
            .map(|i| org.employees[*i].display_name.clone())
            .collect()
    };
    v.filter = "ann".into();
    assert_eq!(names(&mut v), ["Anna Rossi", "Annalisa Neri"]);
    v.filter = "anna neri".into();
    assert!(names(&mut v).is_empty());
    v.filter = "annal".into();
    assert_eq!(names(&mut v), ["Annalisa Neri"]);
    v.filter = "neri".into();
    assert_eq!(names(&mut v), ["Annalisa Neri", "Bruno Neri"]);
    v.filter.clear();
    assert_eq!(names(&mut v).len(), 3);
}

#[test]
fn after_an_edit_the_order_is_that_of_a_fresh_sort() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let names = [
        "Anna", "anna", "Bruno", "Èva", "eva", "Zoe", "Niccolò", "niccolo",
    ];
    let mut org = Org::new("X", crate::model::Market::Developed);
    for i in 0..300 {
        let name = format!("{} {}", names[rng.random_range(0..names.len())], i % 7);
        org.employees
            .push(Employee::new(&format!("p{i}"), &name, &format!("{i}@x.it")));
    }
    for (sort, descending) in [
        (SortBy::Name, false),
        (SortBy::Name, true),
        (SortBy::Email, true),
        (SortBy::Status, false),
    ] {
        let mut kept = EmployeesView {
            sort,
            descending,
            ..Default::default()
        };
        kept.rows(&org, 0);
        for generation in 1..30 {
            let i = rng.random_range(0..org.employees.len());
            let name = format!("{} {generation}", names[rng.random_range(0..names.len())]);
            org.employees[i].display_name = name;
            org.employees[i].email = format!("{generation}{i}@x.it");
            let mut fresh = EmployeesView {
                sort,
                descending,
                ..Default::default()
            };
            assert_eq!(kept.rows(&org, generation), fresh.rows(&org, 0), "{sort:?}");
        }
    }
}

#[test]
fn a_full_sort_by_name_is_the_order_of_the_lower_case_names() {
    // Long shared beginnings (past the key's 16 bytes), accents across its end, and cases.
    let names = [
        "Employee 100000000001",
        "employee 100000000000",
        "Employee 10000000000",
        "Bartolomeo Antonelli",
        "bartolomeo antonellì",
        "Bartolomeo Antonelli",
        "Ääkkönen Niccolò",
        "äakkonen",
        "Niccolò",
        "NICCOLÒ",
        "niccolo",
        "Zoe",
        "",
        "Ἀθηνᾶ Παπαδοπούλου",
    ];
    let mut org = Org::new("X", crate::model::Market::Developed);
    for (i, name) in names.iter().enumerate() {
        org.employees
            .push(Employee::new(&format!("p{i}"), name, &format!("{i}@x.it")));
    }
    let folded = |s: &str| -> String { s.chars().flat_map(char::to_lowercase).collect() };
    let mut expected: Vec<usize> = (0..names.len()).collect();
    expected.sort_by_key(|&i| (folded(names[i]), i));
    for descending in [false, true] {
        let mut v = EmployeesView {
            sort: SortBy::Name,
            descending,
            ..Default::default()
        };
        let mut want = expected.clone();
        if descending {
            want.reverse();
        }
        assert_eq!(v.rows(&org, 0), want.as_slice(), "descending {descending}");
    }
}

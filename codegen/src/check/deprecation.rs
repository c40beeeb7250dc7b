//! An error's sunset: the day after which a deprecated error is no longer served,
//! written `YYYY-MM-DD` (a real calendar day) and only beside `deprecated`.

use super::{Checker, pos};
use crate::raw::RawError;

/// The error's sunset day, reported when it is no calendar day or the error is not
/// deprecated.
pub(super) fn sunset(ck: &mut Checker<'_>, raw: &RawError) -> Option<String> {
    let day = raw.sunset.as_ref()?;
    if !is_calendar_day(&day.value) {
        let d = ck
            .at(
                pos(day),
                format!(
                    "sunset `{}` is not a calendar day",
                    day.value.escape_debug()
                ),
            )
            .label("expected YYYY-MM-DD, a day that exists")
            .help("write the last day the error is served, e.g. `sunset: 2027-06-30`");
        ck.report(d);
    }
    if raw.deprecated.is_none() {
        let d = ck
            .at(pos(day), "a sunset for an error that is not deprecated")
            .label("only a deprecated error has a sunset")
            .help("say why it is deprecated and what replaces it with `deprecated: ...`");
        ck.report(d);
    }
    Some(day.value.clone())
}

/// Whether `text` is `YYYY-MM-DD` naming a day of the Gregorian calendar.
fn is_calendar_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::is_calendar_day;

    #[test]
    fn calendar_days_and_others() {
        for day in ["2027-06-30", "2028-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_calendar_day(day), "{day}");
        }
        for text in [
            "2027-02-29",
            "1900-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-04-31",
            "2027-6-30",
            "27-06-30",
            "2027/06/30",
            "2027-06-30T00:00",
            "",
            "２０２７-06-30",
        ] {
            assert!(!is_calendar_day(text), "{text}");
        }
    }
}

//! Exact decimal arithmetic for resolved values.
//!
//! Values are kept as an integer mantissa and a power-of-ten scale until they
//! are written, so `0.07万` is exactly `700` and `601,293.11元` keeps every
//! digit. Conversion to `f64` happens once, from the decimal digit string.

use std::cmp::Ordering;
use std::fmt;

/// A decimal number `mantissa / 10^scale`. Operations return `None` on overflow.
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// The most fractional digits a value keeps: an `i128` holds 38 decimal digits.
const MAX_SCALE: u32 = 38;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// A whole number.
    pub fn from_int(n: i128) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// Parses ASCII digits with an optional sign, one decimal point and `,` separators.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let mut mantissa: i128 = 0;
        let mut scale = 0u32;
        let mut seen_point = false;
        let mut digits = 0;
        for c in body.chars() {
            match c {
                '0'..='9' => {
                    mantissa = mantissa
                        .checked_mul(10)?
                        .checked_add(i128::from(c as u8 - b'0'))?;
                    digits += 1;
                    if seen_point {
                        scale += 1;
                    }
                }
                '.' if !seen_point => seen_point = true,
                ',' if !seen_point => {}
                _ => return None,
            }
        }
        if digits == 0 {
            return None;
        }
        let value = Decimal { mantissa, scale }.normalized();
        if value.scale > MAX_SCALE {
            return None;
        }
        Some(if negative { value.negate() } else { value })
    }

    /// `10^exp` as a decimal; negative exponents give fractions.
    pub fn pow10(exp: i32) -> Option<Decimal> {
        if exp >= 0 {
            Some(Decimal::from_int(10i128.checked_pow(exp as u32)?))
        } else {
            let scale = exp.unsigned_abs();
            (scale <= MAX_SCALE).then_some(Decimal { mantissa: 1, scale })
        }
    }

    /// The sum of two decimals.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.rescale(scale)?;
        let b = other.rescale(scale)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale,
            }
            .normalized(),
        )
    }

    /// The product of two decimals.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let product = Decimal {
            mantissa: self.mantissa.checked_mul(other.mantissa)?,
            scale: self.scale.checked_add(other.scale)?,
        }
        .normalized();
        (product.scale <= MAX_SCALE).then_some(product)
    }

    /// The quotient, rounded to 15 significant fractional digits (for fractions like 三分之一).
    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        if other.mantissa == 0 {
            return None;
        }
        const EXTRA: u32 = 15;
        let num = self.rescale(self.scale.max(other.scale) + EXTRA)?;
        let den = other.rescale(other.scale)?;
        let scale = self.scale.max(other.scale) + EXTRA - other.scale;
        let quotient = Decimal {
            mantissa: num / den,
            scale,
        }
        .normalized();
        (quotient.scale <= MAX_SCALE).then_some(quotient)
    }

    /// The value rounded half away from zero to `places` decimal places
    /// (33.3333… → 33.33); unchanged when it has no more.
    pub fn round_to(self, places: u32) -> Decimal {
        if self.scale <= places {
            return self;
        }
        let shift = self.scale - places;
        let Some(divisor) = 10i128.checked_pow(shift) else {
            return Decimal::ZERO;
        };
        let (quotient, remainder) = (self.mantissa / divisor, self.mantissa % divisor);
        let carry = i128::from(remainder.abs() * 2 >= divisor) * self.mantissa.signum();
        Decimal {
            mantissa: quotient + carry,
            scale: places,
        }
        .normalized()
    }

    /// The negated value.
    pub fn negate(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            scale: self.scale,
        }
    }

    /// True when the value has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// The value as the nearest `f64`, converted once from the exact digit string.
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The integer part, when the value is a whole number that fits.
    pub fn to_integer(self) -> Option<i128> {
        self.is_integer().then_some(self.mantissa)
    }

    fn rescale(self, scale: u32) -> Option<i128> {
        let shift = scale.checked_sub(self.scale)?;
        self.mantissa.checked_mul(10i128.checked_pow(shift)?)
    }

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        match (self.rescale(scale), other.rescale(scale)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

/// Plain positional notation, never scientific: `140000000`, `601293.11`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The digits, right-aligned and zero-padded to at least scale + 1:
        // 39 for an i128 and 38 more for the largest scale.
        let mut buf = [b'0'; 40 + MAX_SCALE as usize];
        let mut at = buf.len();
        let mut rest = self.mantissa.unsigned_abs();
        while rest > 0 {
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        // Every operation keeps scale ≤ MAX_SCALE; the clamp only guards the buffer.
        let scale = (self.scale as usize).min(MAX_SCALE as usize);
        let start = at.min(buf.len() - scale - 1);
        let digits = std::str::from_utf8(&buf[start..]).map_err(|_| fmt::Error)?;
        let (int, frac) = digits.split_at(digits.len() - scale);
        if self.mantissa < 0 {
            f.write_str("-")?;
        }
        f.write_str(int)?;
        if scale > 0 {
            f.write_str(".")?;
            f.write_str(frac)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn rounding_keeps_the_places_asked_for_and_rounds_half_away_from_zero() {
        let d = |s: &str| Decimal::parse(s).unwrap();
        assert_eq!(d("33.3333333333333").round_to(2).to_string(), "33.33");
        assert_eq!(d("66.6666666666667").round_to(2).to_string(), "66.67");
        assert_eq!(d("3.125").round_to(2).to_string(), "3.13");
        assert_eq!(d("-3.125").round_to(2).to_string(), "-3.13");
        assert_eq!(d("12.5").round_to(2).to_string(), "12.5");
        assert_eq!(d("75").round_to(2).to_string(), "75");
        assert_eq!(d("0.004").round_to(2).to_string(), "0");
    }

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_separators_and_decimals() {
        assert_eq!(d("601,293.11").to_string(), "601293.11");
        assert_eq!(d("1,234").to_string(), "1234");
        assert_eq!(d("0.50").to_string(), "0.5");
        assert!(Decimal::parse("1.2.3").is_none());
        assert!(Decimal::parse("").is_none());
    }

    #[test]
    fn shifting_by_a_multiplier_is_exact() {
        let v = d("0.07").checked_mul(Decimal::pow10(4).unwrap()).unwrap();
        assert_eq!(v.to_string(), "700");
        assert_eq!(v.to_f64(), 700.0);
        let v = d("1.4").checked_mul(Decimal::pow10(8).unwrap()).unwrap();
        assert_eq!(v.to_string(), "140000000");
    }

    #[test]
    fn display_pads_small_fractions() {
        assert_eq!(d("0.001").to_string(), "0.001");
        assert_eq!(d("-0.25").to_string(), "-0.25");
        assert_eq!(d("0").to_string(), "0");
        assert_eq!(d("-12.5").to_string(), "-12.5");
        assert_eq!(
            Decimal::pow10(-38).unwrap().to_string(),
            format!("0.{}1", "0".repeat(37))
        );
        let big = Decimal::from_int(i128::MIN + 1);
        assert_eq!(big.to_string(), (i128::MIN + 1).to_string());
    }

    #[test]
    fn every_value_keeps_at_most_38_fractional_digits() {
        let tiny = Decimal::pow10(-38).unwrap();
        assert!(tiny.checked_div(Decimal::from_int(3)).is_none());
        assert!(tiny.checked_mul(d("0.1")).is_none());
        assert!(Decimal::pow10(-39).is_none());
    }

    #[test]
    fn division_rounds_to_fifteen_digits() {
        let third = Decimal::from_int(1)
            .checked_div(Decimal::from_int(3))
            .unwrap();
        assert_eq!(third.to_string(), "0.333333333333333");
    }

    #[test]
    fn ordering_ignores_scale() {
        assert_eq!(d("1.50"), d("1.5"));
        assert!(d("2") > d("1.99"));
    }
}

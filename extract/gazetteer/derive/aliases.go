package main

import (
	"strings"
	"unicode/utf8"
)

// Level names as written in the data file.
const (
	province = "province"
	city     = "city"
	county   = "county"
	zone     = "zone"
	township = "township"
)

// ethnic lists the names of China's minority nationalities as they appear
// in the names of autonomous areas (广西壮族自治区, 延边朝鲜族自治州).
var ethnic = strings.Fields(`蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼
	哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗
	撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京
	塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺`)

// suffixes are the generic endings of official names, longest first, by
// level. Removing one gives the short form (嘉兴市 → 嘉兴).
var suffixes = map[string][]string{
	province: {"特别行政区", "自治区", "省", "市"},
	city:     {"自治州", "地区", "市", "盟"},
	county:   {"自治县", "自治旗", "林区", "特区", "新区", "区", "县", "市", "旗"},
	township: {"街道办事处", "民族乡", "办事处", "街道", "苏木", "地区", "镇", "乡"},
}

// townshipSuffix reports whether a township's name ends the way towns,
// townships and streets do; other township-level units (农场, 监狱,
// 开发区 …) get no short form.
func townshipSuffix(name string) bool {
	for _, s := range suffixes[township] {
		if strings.HasSuffix(name, s) && name != s {
			return true
		}
	}
	return false
}

// shortName returns the short form of an official name (浙江 for 浙江省,
// 广西 for 广西壮族自治区, 延边 for 延边朝鲜族自治州, 秀洲 for 秀洲区, 金屯 for
// 金屯镇), or "" when it would be shorter than two characters or there is
// none.
func shortName(name, level string) string {
	for _, s := range suffixes[level] {
		stem, ok := strings.CutSuffix(name, s)
		if !ok {
			continue
		}
		if strings.HasPrefix(s, "自治") || s == "民族乡" || strings.HasSuffix(stem, "族") {
			stem = stripEthnic(stem)
		}
		if utf8.RuneCountInString(stem) < 2 {
			return ""
		}
		return stem
	}
	return ""
}

// stripEthnic removes the nationality names an autonomous area's name ends
// with (延边朝鲜族 → 延边, 海西蒙古族藏族 → 海西, 巴音郭楞蒙古 → 巴音郭楞),
// keeping at least two characters. Names without 族 are removed only when
// they have two characters or more, so 水 or 白 ending a place name stay.
func stripEthnic(stem string) string {
	for {
		best := ""
		for _, e := range ethnic {
			for _, form := range []string{e + "族", e} {
				if form == e && utf8.RuneCountInString(e) < 2 {
					continue
				}
				if strings.HasSuffix(stem, form) && len(form) > len(best) {
					best = form
				}
			}
		}
		rest := strings.TrimSuffix(stem, best)
		if best == "" || utf8.RuneCountInString(rest) < 2 {
			return stem
		}
		stem = rest
	}
}

// zoneSuffixes maps the endings of zone names to the abbreviations used in
// their place (湛江经济技术开发区 → 湛江经开区, 湛江开发区).
var zoneSuffixes = []struct {
	suffix string
	abbr   []string
}{
	{"经济技术开发区", []string{"经开区", "开发区"}},
	{"高新技术产业开发区", []string{"高新区", "高新技术开发区"}},
	{"高新技术产业园区", []string{"高新区"}},
	{"高新技术开发区", []string{"高新区"}},
	{"高技术产业开发区", []string{"高新区"}},
	{"经济开发区", []string{"经开区", "开发区"}},
}

// zoneAliases generates the usual abbreviations of a zone's name. cityShort
// and provinceShort are the short names of the zone's city and province: a
// name may be prefixed with the province (河北唐山芦台经济开发区) and its
// city may be left out (净月高新区 for 长春净月高新技术产业开发区).
func zoneAliases(name, cityShort, provinceShort string) []string {
	var out []string
	add := func(s string) {
		if s != name && !contains(out, s) {
			out = append(out, s)
		}
	}
	for _, zs := range zoneSuffixes {
		stem, ok := strings.CutSuffix(name, zs.suffix)
		if !ok {
			continue
		}
		stems := []string{stem}
		if s, ok := strings.CutSuffix(stem, "市"); ok {
			stems = append(stems, s)
		}
		if provinceShort != "" && cityShort != "" && cityShort != provinceShort {
			if s, ok := strings.CutPrefix(stem, provinceShort); ok && strings.HasPrefix(s, cityShort) {
				stems = append(stems, s)
			}
		}
		cityless := make([]bool, len(stems))
		if cityShort != "" {
			for _, s := range stems {
				if rest, ok := strings.CutPrefix(s, cityShort); ok {
					stems = append(stems, strings.TrimPrefix(rest, "市"))
					cityless = append(cityless, true)
					break
				}
			}
		}
		for i, s := range stems {
			if utf8.RuneCountInString(s) < 2 {
				continue
			}
			if i > 0 {
				add(s + zs.suffix)
			}
			for j, a := range zs.abbr {
				// Without its city a stem is often a common word (海港,
				// 临港): keep only the distinctive abbreviation.
				if j == 0 || !cityless[i] {
					add(s + a)
				}
			}
		}
		break
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

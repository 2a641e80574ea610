package gazetteer_test

import (
	"fmt"

	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

func ExampleGazetteer_Scan() {
	g := gazetteer.Default()
	scope := g.ByFullName("山东省济宁市嘉祥县")
	for _, m := range g.Scan("秀洲区与江苏省苏州市吴江区盛泽镇合作，金屯、湛江经开区", scope) {
		fmt.Println(m.Start, m.End, m.Surface, m.Short, m.Places[0].FullName())
	}
	// Output:
	// 0 3 秀洲区 false 浙江省嘉兴市秀洲区
	// 4 7 江苏省 false 江苏省
	// 7 10 苏州市 false 江苏省苏州市
	// 10 13 吴江区 false 江苏省苏州市吴江区
	// 13 16 盛泽镇 false 江苏省苏州市吴江区盛泽镇
	// 19 21 金屯 true 山东省济宁市嘉祥县金屯镇
	// 22 27 湛江经开区 false 广东省湛江市湛江经济技术开发区
}

func ExamplePlace_FullName() {
	g := gazetteer.Default()
	for _, code := range []string{"110101", "419001", "4408Z01", "440811070"} {
		p := g.ByCode(code)
		fmt.Println(p.Code, p.Level, p.FullName())
	}
	// Output:
	// 110101 county 北京市东城区
	// 419001 county 河南省济源市
	// 4408Z01 zone 广东省湛江市湛江经济技术开发区
	// 440811070 township 广东省湛江市湛江经济技术开发区东山街道
}

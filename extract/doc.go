// Package extract turns the text of a rule-of-law government report
// (法治政府建设年度报告) into facts with evidence.
//
// The pipeline runs in stages:
//
//  1. read: bytes in any encoding (UTF-8, GB18030/GBK, UTF-16, Big5), plain
//     text or HTML, become the decoded original text (Report.Text);
//  2. normalise: a parallel simplified, width-folded form of the text for
//     matching, with a map back to the original;
//  3. structure: portal cruft, metadata block, title, sections and
//     sentences, each sentence marked achieved, planned or problem;
//  4. recognise: jurisdictions, bodies, mechanisms, documents, awards and
//     people, each with the mentions that state it.
//
// Offsets in Span and Mention count characters (Unicode code points) of
// Report.Text, so they index the text the same way in Go ([]rune), Python
// and JavaScript (code points).
package extract

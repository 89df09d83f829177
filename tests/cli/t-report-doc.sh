# Reports as the Party's documents: DOCX, PDF and XLSX from the command line
# and over HTTP, each opened by LibreOffice or poppler; the figures, the
# header, the narrative headings, the mark of a classified record, the
# footer; every export audited; bad formats refused.
init_db
"$HOSO" org create --code TU --name "Đảng bộ tỉnh Điện Biên" --kind dang_bo_tinh --from 2000-01-01 >/dev/null
"$HOSO" org create --code X1 --name "Đảng bộ huyện Mường Nhé" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null
"$HOSO" org create --code X2 --name "Đảng bộ xã Thanh Nưa" --kind dang_bo_truc_thuoc --parent TU --from 2000-01-01 >/dev/null
for y in 2015 2016 2017 2018 2019; do
  "$HOSO" case new --kind kiem_tra --title "Kiểm tra $y" --org X1 --opened "$y-05-06" --subject-org X1 >/dev/null
done
"$HOSO" case new --kind ra_nuoc_ngoai --subtype cong_vu --title "Đoàn" --org X2 --opened 2019-06-03 >/dev/null
soffice_pdf() { # FILE: LibreOffice converts it to PDF, quietly, in its own profile
  rm -f "${1%.*}.pdf"
  soffice -env:UserInstallation="file://$PWD/lo" --headless --convert-to pdf --outdir . "$1" >/dev/null 2>&1 &&
    [ -s "${1%.*}.pdf" ] && ok || fail "LibreOffice could not convert $1"
}
# An unclassified 5-year review.
for f in docx pdf xlsx; do
  expect_status 0 "$HOSO" report run --org TU --period 2015-2019 --format "$f" --out "bc.$f"
done
expect_status 2 "$HOSO" report run --org TU --period 2015-2019 --format docx
expect_status 2 "$HOSO" report run --org TU --period 2015-2019 --format odt --out bc.odt
# PDF: the text as poppler reads it, fonts embedded.
pdftotext bc.pdf bc-pdf.txt && ok || fail "pdftotext bc.pdf"
python3 - <<'PY' && ok || fail "the PDF's text: $(head -c 400 bc-pdf.txt)"
t = " ".join(open("bc-pdf.txt").read().split())
for want in ["ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "TỈNH ỦY", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số", "-BC/TU", "Điện Biên, ngày",
             "BÁO CÁO", "Sơ kết 5 năm", "giai đoạn 2015 - 2019", "I. KẾT QUẢ THỰC HIỆN", "kiểm tra 5 lượt tổ chức đảng",
             "II. ĐÁNH GIÁ CHUNG", "III. BÀI HỌC KINH NGHIỆM", "IV. PHƯƠNG HƯỚNG", "V. ĐỀ XUẤT, KIẾN NGHỊ",
             "PHỤ LỤC SỐ LIỆU", "Đảng bộ huyện Mường", "Tổng cộng",
             "Biểu 4. Số liệu chủ yếu theo năm", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nơi nhận:", "Lập bởi hệ thống lúc"]:
    assert want in t, want
assert "MẬT" not in t, "an unclassified report has no mark"
PY
pdffonts bc.pdf | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' && ok || fail "a font is not embedded: $(pdffonts bc.pdf)"
# DOCX: the XML of the document, then LibreOffice opens it.
unzip -p bc.docx word/document.xml > document.xml && ok || fail "bc.docx is not a zip with word/document.xml"
python3 - <<'PY' && ok || fail "the DOCX's XML"
import xml.dom.minidom
x = open("document.xml", encoding="utf-8").read()
xml.dom.minidom.parseString(x.encode())
for want in ["ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "<w:tblHeader/>", "Tổng cộng", "V. ĐỀ XUẤT, KIẾN NGHỊ"]:
    assert want in x, want
PY
soffice_pdf bc.docx
pdftotext bc.pdf - | grep -q "ĐẢNG CỘNG SẢN VIỆT NAM" && ok || fail "the DOCX as LibreOffice lays it out"
# XLSX: totals are formulas; LibreOffice recalculates them.
unzip -p bc.xlsx xl/worksheets/sheet3.xml > sheet3.xml && grep -q "<f>SUM(" sheet3.xml && ok || fail "the appendix totals are formulas"
unzip -p bc.xlsx xl/workbook.xml | grep -q 'name="Biểu 2"' && ok || fail "sheets named after the tables"
soffice_pdf bc.xlsx
pdftotext -layout bc.pdf - | grep -q "Tổng cộng" && ok || fail "the XLSX as LibreOffice lays it out"
# A classified record makes a classified report: the mark on every format.
"$HOSO" case new --kind kiem_tra --title "Kiểm tra mật" --org X2 --opened 2018-03-01 --subject-org X2 --confidentiality mat >/dev/null
expect_status 0 "$HOSO" report run --org TU --period 2018 --format pdf --out mat.pdf
pdftotext mat.pdf - | grep -q "MẬT" && ok || fail "the mark on a classified PDF"
pdftotext mat.pdf - | grep -q "Kết quả công tác bảo vệ chính trị nội bộ năm 2018" && ok || fail "a year's title"
expect_status 0 "$HOSO" report run --org TU --period 2018 --format docx --out mat.docx
unzip -p mat.docx word/document.xml | grep -q "MẬT" && ok || fail "the mark on a classified DOCX"
expect_status 0 "$HOSO" report run --org X1 --period 2019-Q2 --format pdf --out q.pdf
pdftotext q.pdf - | tr '\n' ' ' | grep -q "ĐẢNG BỘ TỈNH ĐIỆN BIÊN.*HUYỆN ỦY MƯỜNG NHÉ.*-BC/HU" && ok || fail "a district's header: $(pdftotext q.pdf - | head -5)"
pdftotext q.pdf - | grep -q "quý II năm 2019" && ok || fail "a quarter's title"
expect_status 0 "$HOSO" audit log --limit 50 --json
python3 -c 'import json; f=sorted({json.loads(x["detail"])["format"] for x in json.load(open("out.txt")) if x["action"] == "export" and x["object_type"] == "report"}); assert f == ["docx", "pdf", "xlsx"], f' && ok || fail "every export is audited"
# Over HTTP: the same documents, as downloads; a bad format named.
echo "mat-khau-xem-x1-1" | "$HOSO" user add xem.x1 --name "Người Xem" --role viewer --org X1 --password-stdin >/dev/null
start_server
login xem.x1 mat-khau-xem-x1-1
expect_http 200 -b xem.x1.jar "$base/api/reports?org=X1&period=2015-2019&format=pdf"
expect_header "Content-Type: application/pdf"
expect_header 'Content-Disposition: attachment; filename="bao-cao-X1-2015-01-01-2019-12-31.pdf"'
head -c 5 body.txt | grep -q "%PDF-" && ok || fail "a PDF over HTTP"
expect_http 200 -b xem.x1.jar "$base/api/reports?org=X1&period=2019&format=docx"
expect_header "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
expect_http 200 -b xem.x1.jar "$base/api/reports?org=X1&period=2019&format=xlsx"
expect_header "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
expect_field 400 format -b xem.x1.jar "$base/api/reports?org=X1&period=2019&format=odt"
expect_http 404 -b xem.x1.jar "$base/api/reports?org=X2&period=2019&format=pdf"
stop_server

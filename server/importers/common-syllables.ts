/**
 * The most frequent syllables of Vietnamese administrative writing (plans, notices, official letters):
 * function words, the names of bodies and the vocabulary of tasks, reports and deadlines.
 * Used only to break ties between repairs of a damaged word that are all valid syllables.
 */
export const COMMON_SYLLABLES: ReadonlySet<string> = new Set(
  `
  của và các những được trong cho theo với tại trên đến từ về để khi đã sẽ này đó là có không một hai ba bốn
  năm sáu bảy tám chín mười tháng ngày hàng quý số ra vào sau trước như nhằm bằng giữa đối nếu thì cũng đều
  tỉnh huyện xã phường thành phố thị trấn ủy ban nhân dân hội đồng văn phòng sở ngành cơ quan đơn vị
  tổ chức cá công tác kế hoạch thực hiện nhiệm vụ giải pháp chỉ tiêu mục đích yêu cầu nội dung quyết định
  nghị thông báo chương trình hành động triển khai phát kinh tế khoa học nghệ tin truyền
  đổi mới sáng tạo chuyển quốc gia trung ương địa phương chính phủ bộ trưởng chủ tịch phó giám đốc
  lãnh đạo điều quản lý nhà nước dịch hồ sơ thủ tục kết quả cáo tình hình đánh giá kiểm tra sát phối hợp
  trách thời gian hạn hoàn đảm bảo an ninh toàn dữ liệu điện tử trực tuyến hệ thống phần mềm hạ tầng mạng
  đầu tư ngân sách phí nguồn năng lực cán viên người lao tổng tham mưu đề xuất xây dựng bản
  hướng dẫn quy độ tăng cường nâng cao tiếp tục tập trung đẩy mạnh ưu tiên cấp trị sự nghiệp
  thủ trưởng tâm trọng điểm cụ thể rõ việc hiệu lĩnh vực doanh đào tạo nguồn ứng hóa hoá
  thuộc vấn chất lượng lượng yếu tiến nhận thức duy xác chỉnh sửa kịp triệt sâu sắc đầy đủ
  cộng hòa hoà xã hội nghĩa việt nam độc lập tự do hạnh phúc
  khác tất cả mỗi từng đây kèm thêm lại bước đột phá thuận lợi khó khăn tồn tại hạn chế
  `
    .trim()
    .split(/\s+/),
);

/**
 * Pairs of syllables that administrative documents write together ("ban hành", "kèm theo"): a damaged word
 * next to its usual partner counts as if the document had written the pair undamaged once. Only helps a
 * repair the marks allow; it never forces one.
 */
export const COMMON_PAIRS: ReadonlySet<string> = new Set(
  `
  ban hành|kèm theo|kế hoạch|thực hiện|chủ trì|phối hợp|ủy ban|nhân dân|văn phòng|hoàn thành|thủ tục|hành chính
  dịch vụ|công nghệ|thông tin|chuyển đổi|đổi số|khoa học|sáng tạo|đổi mới|nhiệm vụ|giải pháp|tổ chức|báo cáo
  cơ quan|đơn vị|trung tâm|địa phương|tỉnh ủy|chính phủ|nghị quyết|quyết định|phê duyệt|triển khai|xây dựng
  chỉ đạo|điều hành|lãnh đạo|cán bộ|công chức|viên chức|dữ liệu|số hóa|trực tuyến|môi trường|điện tử|hạ tầng
  kinh phí|ngân sách|theo dõi|đôn đốc|kiểm tra|giám sát|đánh giá|tổng hợp|định kỳ|hằng tháng|hàng tháng|thời hạn
  `
    .trim()
    .split(/\s*\|\s*|\n\s*/),
);

#include <doctest/doctest.h>

#include "cli/report/width.h"

namespace golive {

TEST_CASE("cli.display width counts terminal cells") {
  CHECK(display_width("") == 0);
  CHECK(display_width("backup.fresh") == 12);
  CHECK(display_width("张三") == 4);
  CHECK(display_width("links[主线路]") == 13);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute accent
  CHECK(display_width("\xFF" "a") == 2);   // a byte that is not UTF-8 takes one cell
}

TEST_CASE("cli.pad_right aligns mixed-width text") {
  CHECK(pad_right("张三", 6) == "张三  ");
  CHECK(pad_right("li.wei", 6) == "li.wei");
  CHECK(pad_right("toolong", 3) == "toolong");
  CHECK(display_width(pad_right("links[主线路]", 20)) == display_width(pad_right("links[wan-a]", 20)));
}

}  // namespace golive

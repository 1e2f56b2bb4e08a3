// libFuzzer target for gw::expr: compile() then evaluate() on arbitrary source. The promises checked (a broken
// one is a crash for libFuzzer, and ASan/UBSan report memory and undefined-behaviour faults):
//   - compile() returns a program or at least one located diagnostic, never both missing;
//   - evaluate() returns (no exception escapes; the step, memory and recursion budgets stop runaway inputs);
//   - a failed evaluation carries a message and a location.
//
// The first input byte chooses: bit 0 the form (0 @(...), 1 @{...}), bits 1-2 the Expected type. The rest is the
// source. Each input runs against a fresh copy of the expression tests' fixture request.
//
// Built with -fsanitize=fuzzer,address,undefined as expr_fuzz (tests/fuzz, GW_FUZZ=ON, Clang). With
// GW_FUZZ_STANDALONE_MAIN defined the file has a main() that replays the files and directories named on its command
// line: expr_fuzz_corpus_test runs tests/fuzz/corpus/expr in every normal build.

#include "../gateway-core/expr/fixture.h"

#include <expr/program.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void check(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0 || size > 4096) {
        return 0;
    }
    const auto form = (data[0] & 1) ? gw::expr::Form::Block : gw::expr::Form::Single;
    const auto expected = static_cast<gw::expr::Expected>((data[0] >> 1) & 3);
    const std::string_view source(reinterpret_cast<const char *>(data + 1), size - 1);
    auto compiled = gw::expr::Program::compile(source, form, gw::expr::Origin{"fuzz.xml", 1, 1}, expected);
    if (!compiled.program) {
        check(!compiled.diagnostics.empty());
        check(compiled.diagnostics.front().location.line >= 1);
        return 0;
    }
    gw::expr::Context context = gw::expr::test::makeContext();
    const gw::expr::Evaluation result = compiled.program->evaluate(context);
    if (!result.ok()) {
        check(!result.error->message.empty());
        check(result.error->location.line >= 1);
    } else {
        (void)gw::expr::toText(result.value);
        (void)gw::expr::typeName(result.value);
    }
    return 0;
}

#ifdef GW_FUZZ_STANDALONE_MAIN

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            for (const fs::directory_entry &entry : fs::directory_iterator(path)) {
                if (entry.is_regular_file()) {
                    files.push_back(entry.path());
                }
            }
        } else {
            files.push_back(path);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::cerr << "usage: " << argv[0] << " CORPUS_DIR_OR_FILE...: no input found\n";
        return 2;
    }
    for (const fs::path &file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::cout << file.filename().string() << std::endl;
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.data()), input.size());
    }
    return 0;
}

#endif

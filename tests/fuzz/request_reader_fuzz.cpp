// libFuzzer target for gw::http::RequestReader: the input is fed the way a
// connection feeds it (in slices, keeping the unconsumed rest, taking every
// complete request, stopping at the first failure), and the reader's promises
// are checked with __builtin_trap() so that libFuzzer reports a broken one as a
// crash:
//   - feed() never uses more bytes than it was offered;
//   - a Complete request has a method and a target, and a body no larger than Limits::bodyBytes;
//   - a Failed reader answers 400, 413, 414 or 431;
//   - the state is always one of the four.
//
// The first input byte chooses how the rest is delivered:
//   bits 0-1  slicing: 0 whole, 1 one byte at a time, 2 slices of 1..64 bytes, 3 slices of 1..4 bytes
//             (the slice sizes come from a generator seeded with the input itself)
//   bits 2-3  Limits: 0 defaults, 1 small (those of request_reader_test.cpp), 2 tiny, 3 long lines, small body
//
// Built with -fsanitize=fuzzer,address,undefined as request_reader_fuzz (tests/fuzz, GW_FUZZ=ON, Clang).
// With GW_FUZZ_STANDALONE_MAIN defined the file also has a main() that replays every file of the directories
// (or the files) named on its command line: request_reader_corpus_test runs the corpus in every normal build.

#include <http/request_reader.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using gw::http::Limits;
using gw::http::Request;
using gw::http::RequestReader;

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

Limits limitsVariant(unsigned variant)
{
    Limits limits;
    switch (variant & 3u) {
    case 0:
        break;
    case 1:
        limits.requestLineBytes = 64;
        limits.headBytes = 256;
        limits.headerCount = 5;
        limits.bodyBytes = 10;
        break;
    case 2:
        limits.requestLineBytes = 1;
        limits.headBytes = 1;
        limits.headerCount = 0;
        limits.bodyBytes = 0;
        break;
    default:
        limits.requestLineBytes = 4096;
        limits.headBytes = 512;
        limits.headerCount = 2;
        limits.bodyBytes = 3;
        break;
    }
    return limits;
}

// A small deterministic generator (xorshift64*), seeded from the input so that a slicing is reproducible.
class Slicer {
public:
    Slicer(std::uint8_t control, std::string_view data)
    {
        m_state = 0x9E3779B97F4A7C15ull ^ (static_cast<std::uint64_t>(control) << 56) ^ data.size();
        for (std::size_t i = 0; i < data.size() && i < 16; ++i)
            m_state = (m_state ^ static_cast<unsigned char>(data[i])) * 0x100000001B3ull;
        if (m_state == 0)
            m_state = 1;
    }

    std::size_t next(std::size_t max)
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return 1 + static_cast<std::size_t>((m_state * 0x2545F4914F6CDD1Dull) >> 32) % max;
    }

private:
    std::uint64_t m_state;
};

bool isDefinite(RequestReader::State state)
{
    return state == RequestReader::State::ReadingHead || state == RequestReader::State::ReadingBody ||
           state == RequestReader::State::Complete || state == RequestReader::State::Failed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t control = bytes[0];
    const std::string_view data(reinterpret_cast<const char *>(bytes + 1), size - 1);
    const Limits limits = limitsVariant(control >> 2);
    const unsigned slicing = control & 3u;
    Slicer slicer(control, data);

    RequestReader reader(limits);
    std::string pending; // received but not yet used: what a connection keeps for the next read
    std::size_t at = 0;
    while (at < data.size()) {
        std::size_t slice = data.size() - at;
        if (slicing == 1)
            slice = 1;
        else if (slicing == 2)
            slice = slicer.next(64);
        else if (slicing == 3)
            slice = slicer.next(4);
        if (slice > data.size() - at)
            slice = data.size() - at;
        pending.append(data.substr(at, slice));
        at += slice;

        for (;;) {
            const std::size_t used = reader.feed(pending);
            check(used <= pending.size());
            pending.erase(0, used);
            const RequestReader::State state = reader.state();
            check(isDefinite(state));
            if (state == RequestReader::State::Failed) {
                const int status = reader.errorStatus();
                check(status == 400 || status == 413 || status == 414 || status == 431);
                return 0; // the connection answers and closes
            }
            if (state != RequestReader::State::Complete)
                break; // wait for more bytes
            const Request request = reader.take();
            check(!request.method.empty());
            check(!request.target.empty());
            check(request.body.size() <= limits.bodyBytes);
            check(reader.state() == RequestReader::State::ReadingHead);
        }
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

// Replays the files named on the command line, and every regular file of the directories named there: each as
// it is, then with its first byte set to each of the 16 slicings and Limits.
int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            for (const fs::directory_entry &entry : fs::directory_iterator(path)) {
                if (entry.is_regular_file())
                    files.push_back(entry.path());
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
        if (!in) {
            std::cerr << "cannot read " << file << '\n';
            return 2;
        }
        const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::cout << file.filename().string() << std::endl; // named before it runs, so a trap points at it
        std::string variant = input;
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(variant.data()), variant.size());
        for (unsigned control = 0; control < 16 && !variant.empty(); ++control) {
            variant[0] = static_cast<char>((static_cast<unsigned char>(input[0]) & 0xF0u) | control);
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(variant.data()), variant.size());
        }
    }
    std::cout << files.size() << " inputs replayed\n";
    return 0;
}

#endif

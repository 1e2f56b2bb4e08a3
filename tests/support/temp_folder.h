#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace gw::test {

// A fresh folder under the system's temporary folder, removed with everything in it at the end of the scope.
class TempFolder {
public:
    TempFolder()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "gw-test-XXXXXX").string();
        m_path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() { std::filesystem::remove_all(m_path); }
    TempFolder(const TempFolder &) = delete;
    TempFolder &operator=(const TempFolder &) = delete;

    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path operator/(const std::string &relative) const { return m_path / relative; }

    // Writes `text` to a file below the folder, creating its parent folders.
    void write(const std::string &relative, const std::string &text) const
    {
        std::filesystem::create_directories((m_path / relative).parent_path());
        std::ofstream(m_path / relative, std::ios::binary) << text;
    }

#ifdef GW_SAMPLE_WORKSPACE
    // A writable copy of the sample workspace at `relative` below the folder.
    std::filesystem::path copySample(const std::string &relative = "contoso") const
    {
        std::filesystem::copy(GW_SAMPLE_WORKSPACE, m_path / relative, std::filesystem::copy_options::recursive);
        return m_path / relative;
    }
#endif

private:
    std::filesystem::path m_path;
};

} // namespace gw::test

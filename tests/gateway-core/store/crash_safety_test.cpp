// A save killed at any moment (power cut, crash, kill -9) must leave every file
// either as it was or as it was meant to become, never torn. A child process
// saves two versions of a workspace in turn, as fast as it can; the parent
// kills it at random moments and checks every file each time.

#include "store_fixture.h"

#include <store/atomic_file.h>

#include <csignal>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace gw::store::test {

namespace {

constexpr int kApis = 12;

model::Workspace version(const model::Workspace &base, int which)
{
    model::Workspace edited = base;
    for (auto &api : edited.apis) {
        // Large policies make a torn write likely if writing were not atomic.
        api.policy = model::PolicyText{"<policies><!-- " + std::string(200000, which ? 'b' : 'a') + " --></policies>"};
        api.displayName = which ? "Second " + api.name : "First " + api.name;
    }
    return edited;
}

} // namespace

TEST(CrashSafety, AKilledSaveLeavesEveryFileOldOrNew)
{
    TempFolder folder;
    for (int i = 0; i < kApis; ++i)
        folder.write("apis/api-" + std::to_string(i) + "/apiInformation.json",
                     "{\n  \"properties\": {\n    \"path\": \"p" + std::to_string(i) +
                         "\",\n    \"apiRevision\": \"1\",\n    \"displayName\": \"x\"\n  }\n}");

    // The two states each file may be in: save each version once and record it.
    std::map<std::string, std::set<std::string>> allowed;
    {
        TempFolder scratch;
        copyTree(folder.path(), scratch.path());
        LoadedWorkspace loaded = readWorkspace(scratch.path());
        const model::Workspace base = loaded.workspace;
        for (int which : {0, 1}) {
            ASSERT_TRUE(saveWorkspace(loaded, version(base, which)).ok());
            for (const auto &[path, text] : readTree(scratch.path()))
                allowed[path].insert(text);
        }
    }
    {
        LoadedWorkspace loaded = readWorkspace(folder.path());
        ASSERT_TRUE(saveWorkspace(loaded, version(loaded.workspace, 0)).ok());
    }

    std::mt19937 random(20261122);
    int kills = 0;
    for (int round = 0; round < 60; ++round) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            LoadedWorkspace loaded = readWorkspace(folder.path());
            const model::Workspace base = loaded.workspace;
            for (int i = 0;; ++i)
                saveWorkspace(loaded, version(base, (i + round) % 2));
        }
        ::usleep(std::uniform_int_distribution<int>(2000, 40000)(random));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        kills += WIFSIGNALED(status);

        for (const auto &[path, text] : readTree(folder.path())) {
            if (path.find(".tmp-") != std::string::npos)
                continue; // a temporary file the killed save did not get to rename
            ASSERT_TRUE(allowed.count(path)) << "unexpected file " << path;
            ASSERT_TRUE(allowed.at(path).count(text)) << path << " is torn after kill " << round;
        }
    }
    EXPECT_EQ(kills, 60);
}

TEST(CrashSafety, AtomicWriteKeepsPermissionsAndReportsFailures)
{
    TempFolder folder;
    const fs::path file = folder / "a/b/file.json";
    ASSERT_TRUE(writeFileAtomically(file, "one").ok());
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    ASSERT_TRUE(writeFileAtomically(file, "two").ok());
    EXPECT_EQ(readText(file), "two");
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);

    folder.write("blocker", "a file where a folder should be");
    const auto failed = writeFileAtomically(folder / "blocker/x.json", "x");
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.error().message.find("blocker"), std::string::npos);
}

} // namespace gw::store::test

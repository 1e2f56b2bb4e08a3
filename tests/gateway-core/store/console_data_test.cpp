#include "store_fixture.h"

#include <store/console_data.h>

#include <cstdlib>
#include <sys/stat.h>

namespace gw::store::test {

TEST(ConsoleData, LivesBesideTheRootNeverInsideIt)
{
    TempFolder repository;
    fs::create_directories(repository / "apimartifacts/apis");
    const fs::path folder = consoleDataFolder(repository / "apimartifacts");
    EXPECT_EQ(folder, repository / ".gatehouse");
    EXPECT_EQ(consoleDataFolder(repository.path() / "apimartifacts/"), folder) << "a trailing slash changes nothing";
}

TEST(ConsoleData, FallsBackToTheUsersDataFolderWhenTheRepositoryIsReadOnly)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root can write anywhere";
    TempFolder repository;
    fs::create_directories(repository / "apimartifacts");
    fs::permissions(repository.path(), fs::perms::owner_read | fs::perms::owner_exec);
    TempFolder data;
    ::setenv("XDG_DATA_HOME", data.path().c_str(), 1);
    const fs::path folder = consoleDataFolder(repository / "apimartifacts");
    fs::permissions(repository.path(), fs::perms::owner_all);
    EXPECT_EQ(folder.parent_path(), data / "gatehouse/workspaces");
}

} // namespace gw::store::test

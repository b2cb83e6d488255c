// A test's files live in a folder of their own, removed when the test ends.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "common/files.hpp"

namespace mimeo::testing {

class TempFolder : public TemporaryFolder {
public:
    TempFolder() : TemporaryFolder("mimeo-test") {}

    std::filesystem::path file(const std::string& name, const std::string& text) const
    {
        std::filesystem::path path = this->path() / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
};

}  // namespace mimeo::testing

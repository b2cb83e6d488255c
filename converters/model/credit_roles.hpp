// The fourteen CRediT contributor roles (ANSI/NISO Z39.104-2022, https://credit.niso.org/): the
// slug the model keeps and the name the standard gives (as JATS4R spells it), which JATS and the
// pages show.
#pragma once

#include <array>
#include <string_view>

namespace mimeo::model {

struct CreditRole {
    std::string_view slug;  // the last part of its term URL: https://credit.niso.org/contributor-roles/<slug>/
    std::string_view name;
};

inline constexpr std::array<CreditRole, 14> credit_roles = {{
    {"conceptualization", "Conceptualization"},
    {"data-curation", "Data curation"},
    {"formal-analysis", "Formal Analysis"},  // so capitalised in the JATS4R list the schematron checks
    {"funding-acquisition", "Funding acquisition"},
    {"investigation", "Investigation"},
    {"methodology", "Methodology"},
    {"project-administration", "Project administration"},
    {"resources", "Resources"},
    {"software", "Software"},
    {"supervision", "Supervision"},
    {"validation", "Validation"},
    {"visualization", "Visualization"},
    {"writing-original-draft", "Writing \u2013 original draft"},
    {"writing-review-editing", "Writing \u2013 review & editing"},
}};

inline const CreditRole* credit_role(std::string_view slug)
{
    for (const CreditRole& role : credit_roles)
        if (role.slug == slug) return &role;
    return nullptr;
}

}  // namespace mimeo::model

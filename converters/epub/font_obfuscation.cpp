#include "epub/font_obfuscation.hpp"

#include <nettle/sha1.h>

#include "html/escape.hpp"

namespace mimeo::epub {

void obfuscate_font(std::string& font, const std::string& identifier)
{
    // The key: SHA-1 of the identifier with U+0020, U+0009, U+000D and U+000A taken out.
    std::string id;
    for (char c : identifier)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') id += c;
    sha1_ctx context;
    sha1_init(&context);
    sha1_update(&context, id.size(), reinterpret_cast<const uint8_t*>(id.data()));
    uint8_t key[SHA1_DIGEST_SIZE];
    sha1_digest(&context, SHA1_DIGEST_SIZE, key);
    const std::size_t length = std::min<std::size_t>(1040, font.size());
    for (std::size_t i = 0; i < length; ++i) font[i] = static_cast<char>(font[i] ^ key[i % SHA1_DIGEST_SIZE]);
}

std::string encryption_xml(const std::vector<std::string>& paths)
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
                      "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\">\n";
    for (const std::string& path : paths)
        out += "  <enc:EncryptedData>\n    <enc:EncryptionMethod Algorithm=\"http://www.idpf.org/2008/embedding\" />\n"
               "    <enc:CipherData><enc:CipherReference URI=\"" + html::escape(path) + "\" /></enc:CipherData>\n"
               "  </enc:EncryptedData>\n";
    return out + "</encryption>\n";
}

}  // namespace mimeo::epub

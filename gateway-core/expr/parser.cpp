#include <expr/parser.h>

#include <cstdlib>
#include <unordered_map>

namespace gw::expr {

namespace {

struct ParseError {
    std::size_t token;
    std::string message;
};

enum Prec : int {
    PrecNone = 0,
    PrecAssignment,
    PrecConditional,
    PrecCoalesce,
    PrecOr,
    PrecAnd,
    PrecBitOr,
    PrecBitXor,
    PrecBitAnd,
    PrecEquality,
    PrecRelational,
    PrecShift,
    PrecAdditive,
    PrecMultiplicative,
    PrecUnary,
    PrecPrimary,
};

class Parser;
using PrefixFn = std::unique_ptr<Expr> (Parser::*)();
using InfixFn = std::unique_ptr<Expr> (Parser::*)(std::unique_ptr<Expr>);

// One row per token that can start or continue an expression: the Pratt table.
struct Rule {
    PrefixFn prefix = nullptr;
    InfixFn infix = nullptr;
    int precedence = PrecNone;
    Op op = Op::None;
};

constexpr int maxNesting = 200;
constexpr int maxTreeDepth = 400;

bool isTypeKeyword(std::string_view word)
{
    static constexpr std::string_view types[] = {"bool", "byte",  "char",   "decimal", "double", "float",
                                                 "int",  "long",  "object", "sbyte",   "short",  "string",
                                                 "uint", "ulong", "ushort", "void"};
    for (auto t : types) {
        if (t == word) {
            return true;
        }
    }
    return false;
}

class Parser {
public:
    Parser(const SourceText &source, Tree &tree, Diagnostics &diagnostics)
        : m_source(source), m_tree(tree), m_diags(diagnostics)
    {
        lexRange(source, 0, source.text().size(), m_tokens, diagnostics);
    }

    bool run(Form form)
    {
        if (hasErrors(m_diags)) {
            return false;
        }
        try {
            if (form == Form::Single) {
                if (check(TokenKind::End)) {
                    fail("Expression expected");
                }
                m_tree.expression = expression();
                if (!check(TokenKind::End)) {
                    fail("Unexpected '" + current().text + "' after the end of the expression");
                }
            } else {
                auto block = std::make_unique<Stmt>();
                block->kind = StmtKind::Block;
                block->line = current().line;
                block->column = current().column;
                while (!check(TokenKind::End)) {
                    block->body.push_back(statement());
                }
                m_tree.block = std::move(block);
            }
        } catch (const ParseError &error) {
            const Token &t = m_tokens[std::min(error.token, m_tokens.size() - 1)];
            SourceLocation loc;
            loc.file = m_source.file();
            loc.line = t.line;
            loc.column = t.column;
            m_diags.push_back(Diagnostic{loc, Severity::Error, error.message});
            return false;
        }
        return true;
    }

    static const Rule &rule(const Token &token);

    // --- token helpers ---
    const Token &current() const { return m_tokens[m_pos]; }
    const Token &peekToken(std::size_t ahead = 1) const
    {
        return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)];
    }
    bool check(TokenKind kind) const { return current().kind == kind; }
    bool checkPunct(std::string_view p) const { return current().kind == TokenKind::Punctuator && current().text == p; }
    bool checkKeyword(std::string_view k) const { return current().kind == TokenKind::Keyword && current().text == k; }
    bool checkWord(std::string_view w) const
    {
        return (current().kind == TokenKind::Identifier || current().kind == TokenKind::Keyword) && current().text == w;
    }
    const Token &advance()
    {
        const Token &t = m_tokens[m_pos];
        if (m_pos + 1 < m_tokens.size()) {
            ++m_pos;
        }
        return t;
    }
    bool matchPunct(std::string_view p)
    {
        if (checkPunct(p)) {
            advance();
            return true;
        }
        return false;
    }
    void expectPunct(std::string_view p)
    {
        if (!matchPunct(p)) {
            fail("'" + std::string(p) + "' expected" +
                 (check(TokenKind::End) ? std::string() : ", found '" + current().text + "'"));
        }
    }
    std::string expectIdentifier()
    {
        if (!check(TokenKind::Identifier)) {
            fail("Identifier expected" + (check(TokenKind::End) ? std::string() : ", found '" + current().text + "'"));
        }
        return advance().text;
    }
    [[noreturn]] void fail(std::string message) { throw ParseError{m_pos, std::move(message)}; }

    template<typename T>
    std::unique_ptr<T> node(const Token &at)
    {
        auto n = std::make_unique<T>();
        n->line = at.line;
        n->column = at.column;
        return n;
    }

    struct Depth {
        explicit Depth(Parser &p) : parser(p)
        {
            if (++parser.m_depth > maxNesting) {
                parser.fail("The expression nests too deeply");
            }
        }
        ~Depth() { --parser.m_depth; }
        Parser &parser;
    };

    // --- types ---

    // Reads a type at the current token, or returns false (and restores the position) when there is none.
    bool tryType(TypeSyntax &type, bool allowArray = true)
    {
        const std::size_t save = m_pos;
        const Token &first = current();
        if (first.kind == TokenKind::Keyword && isTypeKeyword(first.text)) {
            type.name = first.text;
            advance();
        } else if (first.kind == TokenKind::Identifier) {
            type.name = first.text;
            advance();
            while (checkPunct(".") && peekToken().kind == TokenKind::Identifier) {
                advance();
                type.name += "." + advance().text;
            }
        } else {
            return false;
        }
        type.line = first.line;
        type.column = first.column;
        if (checkPunct("<")) {
            advance();
            while (true) {
                TypeSyntax arg;
                if (!tryType(arg)) {
                    m_pos = save;
                    return false;
                }
                type.args.push_back(std::move(arg));
                if (matchPunct(",")) {
                    continue;
                }
                if (matchPunct(">")) {
                    break;
                }
                m_pos = save;
                return false;
            }
        }
        if (checkPunct("?") && (peekToken().kind != TokenKind::Identifier || true)) {
            // `int?` only when what follows cannot continue a conditional expression
            const Token &next = peekToken();
            if (next.kind == TokenKind::Punctuator &&
                (next.text == ")" || next.text == ">" || next.text == "," || next.text == "[")) {
                advance();
                type.nullable = true;
            } else if (next.kind == TokenKind::Identifier && (peekToken(2).text == "=" || peekToken(2).text == ";")) {
                advance();
                type.nullable = true;
            }
        }
        while (allowArray && checkPunct("[") && (peekToken().text == "]" || peekToken().text == ",")) {
            advance();
            while (matchPunct(",")) {
            }
            expectPunct("]");
            ++type.rank;
        }
        return true;
    }

    TypeSyntax type()
    {
        TypeSyntax t;
        if (!tryType(t)) {
            fail("Type expected");
        }
        return t;
    }

    // --- expressions ---

    std::unique_ptr<Expr> expression(int precedence = PrecAssignment)
    {
        Depth depth(*this);
        const Token &start = current();
        const Rule &r = rule(start);
        if (!r.prefix) {
            if (check(TokenKind::End)) {
                fail("Expression expected");
            }
            fail("Invalid expression term '" + start.text + "'");
        }
        auto left = (this->*r.prefix)();
        while (true) {
            const Rule &next = rule(current());
            if (!next.infix || next.precedence < precedence) {
                break;
            }
            left = (this->*next.infix)(std::move(left));
        }
        return left;
    }

    std::unique_ptr<Expr> literal()
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Literal;
        switch (t.kind) {
        case TokenKind::String:
            e->literal = Value::string(t.text);
            break;
        case TokenKind::Char: {
            // decode the UTF-8 of the character
            const auto *s = reinterpret_cast<const unsigned char *>(t.text.data());
            char32_t c = t.text.empty() ? 0 : s[0];
            if (c >= 0xC0 && t.text.size() >= 2) {
                const int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
                c &= n == 3 ? 0x07 : n == 2 ? 0x0F : 0x1F;
                for (int i = 1; i <= n && i < int(t.text.size()); ++i) {
                    c = (c << 6) | (s[i] & 0x3F);
                }
            }
            e->literal = Value::character(c);
            break;
        }
        case TokenKind::Integer: {
            errno = 0;
            const unsigned long long v = std::strtoull(t.text.c_str(), nullptr, 10);
            if (errno == ERANGE) {
                fail("Integral constant is too large");
            }
            if (t.suffix == 'l' || v > 0x7FFFFFFFull) {
                if (v > 0x7FFFFFFFFFFFFFFFull) {
                    fail("Integral constant is too large");
                }
                e->literal = Value::int64(std::int64_t(v));
            } else if (t.suffix == 'd' || t.suffix == 'f' || t.suffix == 'm') {
                e->literal = Value::floating(double(v), t.suffix == 'm' ? TypeId::Decimal : TypeId::Double);
            } else {
                e->literal = Value::int32(std::int32_t(v));
            }
            break;
        }
        case TokenKind::Real:
            e->literal = Value::floating(std::strtod(t.text.c_str(), nullptr),
                                         t.suffix == 'm' ? TypeId::Decimal : TypeId::Double);
            break;
        default:
            break;
        }
        return e;
    }

    std::unique_ptr<Expr> keywordLiteral()
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Literal;
        if (t.text == "true" || t.text == "false") {
            e->literal = Value::boolean(t.text == "true");
        }
        return e;
    }

    std::unique_ptr<Expr> interpolated()
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Interpolated;
        const std::string &text = m_source.text();
        const std::size_t begin = t.innerOffset;
        const std::size_t end = begin + t.text.size();
        std::string literalText;
        for (std::size_t i = begin; i < end;) {
            const char c = text[i];
            if (c == '{' && i + 1 < end && text[i + 1] == '{') {
                literalText += '{';
                i += 2;
            } else if (c == '}' && i + 1 < end && text[i + 1] == '}') {
                literalText += '}';
                i += 2;
            } else if (c == '{') {
                // find the end of the hole: balanced brackets, strings skipped; ',' and ':' at depth 0 split
                std::size_t j = i + 1;
                int depth = 0;
                std::size_t holeEnd = std::string::npos;
                std::size_t alignAt = std::string::npos;
                std::size_t formatAt = std::string::npos;
                bool ternary = false;
                for (; j < end; ++j) {
                    const char d = text[j];
                    if (d == '"' || d == '\'') {
                        ++j;
                        while (j < end && text[j] != d) {
                            j += text[j] == '\\' ? 2 : 1;
                        }
                        continue;
                    }
                    if (d == '(' || d == '[' || d == '{') {
                        ++depth;
                    } else if ((d == ')' || d == ']') && depth > 0) {
                        --depth;
                    } else if (d == '}') {
                        if (depth == 0) {
                            holeEnd = j;
                            break;
                        }
                        --depth;
                    } else if (depth == 0 && d == '?') {
                        ternary = true;
                    } else if (depth == 0 && d == ',' && alignAt == std::string::npos &&
                               formatAt == std::string::npos) {
                        alignAt = j;
                    } else if (depth == 0 && d == ':' && formatAt == std::string::npos) {
                        if (ternary) {
                            ternary = false;
                        } else {
                            formatAt = j;
                        }
                    }
                }
                if (holeEnd == std::string::npos) {
                    fail("'}' expected in interpolated string");
                }
                Expr::Part literalPart;
                literalPart.text = std::move(literalText);
                literalText.clear();
                if (!literalPart.text.empty()) {
                    e->parts.push_back(std::move(literalPart));
                }
                const std::size_t exprEnd = std::min({holeEnd, alignAt, formatAt});
                Expr::Part hole;
                {
                    Tree sub;
                    std::vector<Token> tokens;
                    lexRange(m_source, i + 1, exprEnd, tokens, m_diags);
                    if (hasErrors(m_diags)) {
                        fail("Invalid interpolated string hole");
                    }
                    std::swap(tokens, m_tokens);
                    const std::size_t savePos = m_pos;
                    m_pos = 0;
                    try {
                        hole.hole = expression();
                        if (!check(TokenKind::End)) {
                            fail("'}' expected in interpolated string");
                        }
                    } catch (ParseError &error) {
                        std::swap(tokens, m_tokens);
                        m_pos = savePos;
                        (void)error;
                        fail(error.message);
                    }
                    std::swap(tokens, m_tokens);
                    m_pos = savePos;
                }
                if (alignAt != std::string::npos) {
                    const std::size_t alignEnd = formatAt != std::string::npos ? formatAt : holeEnd;
                    hole.alignment =
                        clampedNumber(std::string_view(text).substr(alignAt + 1, alignEnd - alignAt - 1), 1'000'000);
                }
                if (formatAt != std::string::npos) {
                    hole.format = text.substr(formatAt + 1, holeEnd - formatAt - 1);
                }
                e->parts.push_back(std::move(hole));
                i = holeEnd + 1;
            } else if (c == '\\' && !t.verbatim && i + 1 < end) {
                const char n = text[i + 1];
                switch (n) {
                case 'n':
                    literalText += '\n';
                    break;
                case 't':
                    literalText += '\t';
                    break;
                case 'r':
                    literalText += '\r';
                    break;
                case '0':
                    literalText += '\0';
                    break;
                case '"':
                    literalText += '"';
                    break;
                case '\'':
                    literalText += '\'';
                    break;
                case '\\':
                    literalText += '\\';
                    break;
                default:
                    literalText += n;
                    break;
                }
                i += 2;
            } else if (c == '"' && t.verbatim && i + 1 < end && text[i + 1] == '"') {
                literalText += '"';
                i += 2;
            } else {
                literalText += c;
                ++i;
            }
        }
        if (!literalText.empty()) {
            Expr::Part literalPart;
            literalPart.text = std::move(literalText);
            e->parts.push_back(std::move(literalPart));
        }
        return e;
    }

    std::unique_ptr<Expr> name()
    {
        const Token &t = current();
        // x => ...
        if (peekToken().kind == TokenKind::Punctuator && peekToken().text == "=>") {
            return lambda();
        }
        advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Name;
        e->name = t.text;
        if (checkPunct("<")) {
            // Generic call of a bare name (a local function is never generic; report it in the checker)
            const std::size_t save = m_pos;
            std::vector<TypeSyntax> args;
            if (tryTypeArguments(args) && checkPunct("(")) {
                e->typeArgs = std::move(args);
            } else {
                m_pos = save;
            }
        }
        return e;
    }

    std::unique_ptr<Expr> typeKeyword()
    {
        // `string.Join(...)`, `int.Parse(...)`: a type keyword used as the receiver of a static member
        const Token &t = current();
        TypeSyntax ts;
        ts.name = t.text;
        ts.line = t.line;
        ts.column = t.column;
        advance();
        if (!checkPunct(".")) {
            fail("Invalid expression term '" + t.text + "'");
        }
        auto e = node<Expr>(t);
        e->kind = ExprKind::StaticType;
        e->typeSyntax = std::move(ts);
        return e;
    }

    bool tryTypeArguments(std::vector<TypeSyntax> &args)
    {
        const std::size_t save = m_pos;
        if (!matchPunct("<")) {
            return false;
        }
        while (true) {
            TypeSyntax t;
            if (!tryType(t)) {
                m_pos = save;
                return false;
            }
            args.push_back(std::move(t));
            if (matchPunct(",")) {
                continue;
            }
            if (matchPunct(">")) {
                return true;
            }
            m_pos = save;
            return false;
        }
    }

    // '(' starts a lambda's parameter list, a cast or a parenthesised expression.
    std::unique_ptr<Expr> parenthesis()
    {
        const Token &open = current();
        // lambda: ( ... ) =>
        {
            std::size_t i = m_pos;
            int depth = 0;
            for (; i < m_tokens.size(); ++i) {
                const Token &t = m_tokens[i];
                if (t.kind == TokenKind::End) {
                    break;
                }
                if (t.kind == TokenKind::Punctuator && t.text == "(") {
                    ++depth;
                } else if (t.kind == TokenKind::Punctuator && t.text == ")") {
                    if (--depth == 0) {
                        break;
                    }
                }
            }
            if (i + 1 < m_tokens.size() && m_tokens[i + 1].kind == TokenKind::Punctuator &&
                m_tokens[i + 1].text == "=>") {
                bool simple = true; // only identifiers, type names and commas inside
                for (std::size_t k = m_pos + 1; k < i; ++k) {
                    const Token &t = m_tokens[k];
                    if (!(t.kind == TokenKind::Identifier || t.kind == TokenKind::Keyword ||
                          (t.kind == TokenKind::Punctuator &&
                           (t.text == "," || t.text == "<" || t.text == ">" || t.text == "[" || t.text == "]" ||
                            t.text == "." || t.text == "?")))) {
                        simple = false;
                    }
                }
                if (simple) {
                    return lambda();
                }
            }
        }
        // cast: (Type) operand
        {
            const std::size_t save = m_pos;
            advance();
            TypeSyntax ts;
            if (tryType(ts) && checkPunct(")")) {
                const Token &after = peekToken();
                const bool keywordType = isTypeKeyword(ts.name) || ts.rank > 0 || ts.nullable;
                bool cast = false;
                switch (after.kind) {
                case TokenKind::Identifier:
                case TokenKind::Integer:
                case TokenKind::Real:
                case TokenKind::String:
                case TokenKind::Interpolated:
                case TokenKind::Char:
                    cast = true;
                    break;
                case TokenKind::Keyword:
                    cast = after.text != "is" && after.text != "as";
                    break;
                case TokenKind::Punctuator:
                    cast = after.text == "(" || after.text == "!" || after.text == "~" ||
                           (keywordType && (after.text == "-" || after.text == "+"));
                    break;
                default:
                    break;
                }
                if (cast) {
                    advance(); // ')'
                    auto e = node<Expr>(open);
                    e->kind = ExprKind::Cast;
                    e->typeSyntax = std::move(ts);
                    e->kids.push_back(expression(PrecUnary));
                    return e;
                }
            }
            m_pos = save;
        }
        advance();
        auto inner = expression();
        expectPunct(")");
        return inner;
    }

    std::unique_ptr<Expr> lambda()
    {
        const Token &start = current();
        auto e = node<Expr>(start);
        e->kind = ExprKind::Lambda;
        if (check(TokenKind::Identifier)) {
            e->params.push_back(advance().text);
            e->paramTypes.emplace_back();
        } else {
            expectPunct("(");
            while (!checkPunct(")")) {
                TypeSyntax ts;
                // `(x, y)` or `(string x, int y)`
                if (check(TokenKind::Identifier) && (peekToken().text == "," || peekToken().text == ")")) {
                    e->params.push_back(advance().text);
                    e->paramTypes.emplace_back();
                } else {
                    ts = type();
                    e->params.push_back(expectIdentifier());
                    e->paramTypes.push_back(std::move(ts));
                }
                if (!matchPunct(",")) {
                    break;
                }
            }
            expectPunct(")");
        }
        expectPunct("=>");
        if (checkPunct("{")) {
            e->block = block();
        } else {
            e->kids.push_back(expression());
        }
        return e;
    }

    std::unique_ptr<Expr> unary()
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        if (t.text == "++" || t.text == "--") {
            e->kind = ExprKind::IncDec;
            e->op = t.text == "++" ? Op::Add : Op::Sub;
            e->kids.push_back(expression(PrecUnary));
            return e;
        }
        e->kind = ExprKind::Unary;
        e->op = t.text == "!" ? Op::Not : t.text == "-" ? Op::Neg : t.text == "+" ? Op::Plus : Op::Complement;
        auto operand = expression(PrecUnary);
        // fold negative literals so that int.MinValue and -1L read as constants
        if (e->op == Op::Neg && operand->kind == ExprKind::Literal && operand->literal.isNumber()) {
            const Value &v = operand->literal;
            if (v.is(TypeId::Int32)) {
                operand->literal = Value::int32(std::int32_t(-std::int64_t(v.integer())));
            } else if (v.is(TypeId::Int64)) {
                operand->literal = Value::int64(-v.integer());
            } else {
                operand->literal = Value::floating(-v.real(), v.type());
            }
            operand->line = e->line;
            operand->column = e->column;
            return operand;
        }
        e->kids.push_back(std::move(operand));
        return e;
    }

    std::unique_ptr<Expr> newExpression()
    {
        const Token &start = advance(); // new
        auto e = node<Expr>(start);
        if (checkPunct("[")) {
            // new[] { ... }
            advance();
            expectPunct("]");
            e->kind = ExprKind::NewArray;
            arrayInitializer(*e);
            return e;
        }
        if (checkPunct("{")) {
            // anonymous object: new { a = 1, b }
            e->kind = ExprKind::New;
            e->anonymous = true;
            e->hasInitializer = true;
            advance();
            while (!checkPunct("}")) {
                Expr::Init init;
                if (check(TokenKind::Identifier) && peekToken().text == "=") {
                    init.property = advance().text;
                    advance();
                    init.args.push_back(expression());
                } else {
                    auto value = expression();
                    if (value->kind == ExprKind::Member || value->kind == ExprKind::Name) {
                        init.property = value->name;
                    } else {
                        fail("Invalid anonymous type member declarator");
                    }
                    init.args.push_back(std::move(value));
                }
                e->inits.push_back(std::move(init));
                if (!matchPunct(",")) {
                    break;
                }
            }
            expectPunct("}");
            return e;
        }
        TypeSyntax ts;
        if (!tryType(ts, false)) {
            fail("Type expected");
        }
        if (checkPunct("[")) {
            e->kind = ExprKind::NewArray;
            advance();
            if (!checkPunct("]")) {
                // new string[3]
                e->kids.push_back(expression());
                e->hasInitializer = false;
            }
            expectPunct("]");
            while (checkPunct("[")) {
                advance();
                expectPunct("]");
                ++ts.rank;
            }
            e->typeSyntax = std::move(ts);
            if (checkPunct("{")) {
                if (!e->kids.empty()) {
                    e->kids.clear(); // the size is implied by the initialiser
                }
                arrayInitializer(*e);
            } else if (e->kids.empty()) {
                fail("Array creation must have array size or array initializer");
            }
            return e;
        }
        e->kind = ExprKind::New;
        e->typeSyntax = std::move(ts);
        if (matchPunct("(")) {
            arguments(*e, ")");
        }
        if (checkPunct("{")) {
            e->hasInitializer = true;
            advance();
            while (!checkPunct("}")) {
                Expr::Init init;
                if (checkPunct("{")) {
                    advance();
                    while (!checkPunct("}")) {
                        init.args.push_back(expression());
                        if (!matchPunct(",")) {
                            break;
                        }
                    }
                    expectPunct("}");
                } else if (checkPunct("[")) {
                    advance();
                    init.indexed = true;
                    init.args.push_back(expression());
                    expectPunct("]");
                    expectPunct("=");
                    init.args.push_back(expression());
                } else if (check(TokenKind::Identifier) && peekToken().text == "=") {
                    init.property = advance().text;
                    advance();
                    init.args.push_back(expression());
                } else {
                    init.args.push_back(expression());
                }
                e->inits.push_back(std::move(init));
                if (!matchPunct(",")) {
                    break;
                }
            }
            expectPunct("}");
        } else if (e->kids.empty() && m_tokens[m_pos - 1].text != ")") {
            fail("'(' expected");
        }
        return e;
    }

    void arrayInitializer(Expr &e)
    {
        expectPunct("{");
        e.hasInitializer = true;
        while (!checkPunct("}")) {
            e.kids.push_back(expression());
            if (!matchPunct(",")) {
                break;
            }
        }
        expectPunct("}");
    }

    std::unique_ptr<Expr> defaultExpression()
    {
        const Token &start = advance();
        auto e = node<Expr>(start);
        e->kind = ExprKind::Default;
        if (matchPunct("(")) {
            e->typeSyntax = type();
            expectPunct(")");
        }
        return e;
    }

    std::unique_ptr<Expr> typeofExpression()
    {
        const Token &start = advance();
        (void)start;
        fail("'typeof' is not supported in policy expressions");
    }

    // Arguments up to the closing bracket; named (`preserveContent: true`) and out arguments included.
    void arguments(Expr &call, std::string_view close)
    {
        while (!checkPunct(close)) {
            std::string argName;
            if (check(TokenKind::Identifier) && peekToken().kind == TokenKind::Punctuator && peekToken().text == ":") {
                argName = advance().text;
                advance();
            }
            if (checkKeyword("out") || checkKeyword("ref")) {
                const Token &outToken = advance();
                auto out = node<Expr>(outToken);
                out->kind = ExprKind::Out;
                if (checkKeyword("var")) {
                    advance();
                    out->declares = true;
                    out->name = expectIdentifier();
                } else {
                    TypeSyntax ts;
                    const std::size_t save = m_pos;
                    if (tryType(ts) && check(TokenKind::Identifier)) {
                        out->declares = true;
                        out->typeSyntax = std::move(ts);
                        out->name = advance().text;
                    } else {
                        m_pos = save;
                        out->name = expectIdentifier();
                    }
                }
                call.kids.push_back(std::move(out));
            } else {
                call.kids.push_back(expression());
            }
            call.argNames.push_back(std::move(argName));
            if (!matchPunct(",")) {
                break;
            }
        }
        expectPunct(close);
    }

    std::unique_ptr<Expr> binary(std::unique_ptr<Expr> left)
    {
        const Token &t = current();
        const Rule &r = rule(t);
        advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Binary;
        e->op = r.op;
        // `>` `>` written together is a right shift (the lexer keeps '>' single for generics)
        if (r.op == Op::Gt && checkPunct(">") && current().offset == t.offset + 1) {
            advance();
            e->op = Op::Shr;
            e->kids.push_back(std::move(left));
            e->kids.push_back(expression(PrecShift + 1));
            return e;
        }
        e->kids.push_back(std::move(left));
        // ?? is right-associative; the others are left-associative
        e->kids.push_back(expression(r.op == Op::Coalesce ? r.precedence : r.precedence + 1));
        return e;
    }

    std::unique_ptr<Expr> conditional(std::unique_ptr<Expr> condition)
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Conditional;
        e->kids.push_back(std::move(condition));
        e->kids.push_back(expression());
        expectPunct(":");
        e->kids.push_back(expression(PrecConditional));
        return e;
    }

    std::unique_ptr<Expr> assignment(std::unique_ptr<Expr> target)
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::Assign;
        static const std::unordered_map<std::string, Op> ops = {
            {"=", Op::None},    {"+=", Op::Add},        {"-=", Op::Sub},    {"*=", Op::Mul},
            {"/=", Op::Div},    {"%=", Op::Mod},        {"&=", Op::BitAnd}, {"|=", Op::BitOr},
            {"^=", Op::BitXor}, {"?\?=", Op::Coalesce}, {"<<=", Op::Shl}};
        e->op = ops.at(t.text);
        if (target->kind != ExprKind::Name && target->kind != ExprKind::Member && target->kind != ExprKind::Index) {
            throw ParseError{m_pos - 1, "The left-hand side of an assignment must be a variable, property or indexer"};
        }
        e->kids.push_back(std::move(target));
        e->kids.push_back(expression(PrecAssignment));
        return e;
    }

    std::unique_ptr<Expr> member(std::unique_ptr<Expr> receiver)
    {
        const Token &dot = advance(); // . or ?.
        auto e = node<Expr>(dot);
        e->kind = ExprKind::Member;
        e->nullConditional = dot.text == "?.";
        if (!check(TokenKind::Identifier) && !check(TokenKind::Keyword)) {
            fail("Identifier expected");
        }
        const Token &nameToken = advance();
        e->line = nameToken.line;
        e->column = nameToken.column;
        e->name = nameToken.text;
        e->kids.push_back(std::move(receiver));
        if (checkPunct("<")) {
            const std::size_t save = m_pos;
            std::vector<TypeSyntax> args;
            if (tryTypeArguments(args) && checkPunct("(")) {
                e->typeArgs = std::move(args);
            } else {
                m_pos = save;
            }
        }
        return e;
    }

    std::unique_ptr<Expr> call(std::unique_ptr<Expr> callee)
    {
        const Token &open = advance();
        auto e = node<Expr>(open);
        e->kind = ExprKind::Call;
        if (callee->kind == ExprKind::Member) {
            e->name = callee->name;
            e->line = callee->line;
            e->column = callee->column;
            e->nullConditional = callee->nullConditional;
            e->typeArgs = std::move(callee->typeArgs);
            e->kids.push_back(std::move(callee->kids[0]));
        } else if (callee->kind == ExprKind::Name) {
            e->name = callee->name;
            e->line = callee->line;
            e->column = callee->column;
            e->typeArgs = std::move(callee->typeArgs);
            e->kids.push_back(nullptr);
        } else {
            throw ParseError{m_pos - 1, "Method name expected"};
        }
        arguments(*e, ")");
        return e;
    }

    std::unique_ptr<Expr> index(std::unique_ptr<Expr> receiver)
    {
        const Token &open = advance(); // [ or ?[
        auto e = node<Expr>(open);
        e->kind = ExprKind::Index;
        e->nullConditional = open.text == "?[";
        e->kids.push_back(std::move(receiver));
        const std::size_t before = e->kids.size();
        arguments(*e, "]");
        if (e->kids.size() == before) {
            throw ParseError{m_pos - 1, "Value expected"};
        }
        return e;
    }

    std::unique_ptr<Expr> nullConditionalIndex(std::unique_ptr<Expr> receiver)
    {
        // `?` immediately followed by `[`: x?[0]
        const Token &q = advance();
        auto e = node<Expr>(q);
        e->kind = ExprKind::Index;
        e->nullConditional = true;
        e->kids.push_back(std::move(receiver));
        advance(); // [
        arguments(*e, "]");
        return e;
    }

    std::unique_ptr<Expr> question(std::unique_ptr<Expr> left)
    {
        if (peekToken().kind == TokenKind::Punctuator && peekToken().text == "[" &&
            peekToken().offset == current().offset + 1) {
            return nullConditionalIndex(std::move(left));
        }
        return conditional(std::move(left));
    }

    std::unique_ptr<Expr> postfix(std::unique_ptr<Expr> operand)
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kind = ExprKind::IncDec;
        e->op = t.text == "++" ? Op::Add : Op::Sub;
        e->postfix = true;
        e->kids.push_back(std::move(operand));
        return e;
    }

    std::unique_ptr<Expr> isAs(std::unique_ptr<Expr> left)
    {
        const Token &t = advance();
        auto e = node<Expr>(t);
        e->kids.push_back(std::move(left));
        if (t.text == "as") {
            e->kind = ExprKind::As;
            e->typeSyntax = type();
            return e;
        }
        e->kind = ExprKind::Is;
        if (checkWord("not")) {
            advance();
            e->negated = true;
        }
        if (checkKeyword("null") || check(TokenKind::String) || check(TokenKind::Integer) || checkKeyword("true") ||
            checkKeyword("false") || check(TokenKind::Char) || check(TokenKind::Real)) {
            e->kids.push_back(expression(PrecShift));
            return e;
        }
        e->typeSyntax = type();
        if (check(TokenKind::Identifier)) {
            e->declares = true;
            e->name = advance().text;
        }
        return e;
    }

    // --- statements ---

    std::unique_ptr<Stmt> block()
    {
        Depth depth(*this);
        auto s = node<Stmt>(current());
        s->kind = StmtKind::Block;
        expectPunct("{");
        while (!checkPunct("}")) {
            if (check(TokenKind::End)) {
                fail("'}' expected");
            }
            s->body.push_back(statement());
        }
        advance();
        return s;
    }

    std::unique_ptr<Stmt> embedded()
    {
        if (checkPunct("{")) {
            return block();
        }
        return statement();
    }

    std::unique_ptr<Stmt> statement()
    {
        Depth depth(*this);
        const Token &t = current();
        if (checkPunct("{")) {
            return block();
        }
        if (checkPunct(";")) {
            advance();
            return node<Stmt>(t);
        }
        if (t.kind == TokenKind::Keyword) {
            const std::string &k = t.text;
            if (k == "if") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::If;
                expectPunct("(");
                s->exprs.push_back(expression());
                expectPunct(")");
                s->body.push_back(embedded());
                if (checkKeyword("else")) {
                    advance();
                    s->body.push_back(embedded());
                }
                return s;
            }
            if (k == "while") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::While;
                expectPunct("(");
                s->exprs.push_back(expression());
                expectPunct(")");
                s->body.push_back(embedded());
                return s;
            }
            if (k == "do") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::DoWhile;
                s->body.push_back(embedded());
                if (!checkKeyword("while")) {
                    fail("'while' expected");
                }
                advance();
                expectPunct("(");
                s->exprs.push_back(expression());
                expectPunct(")");
                expectPunct(";");
                return s;
            }
            if (k == "for") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::For;
                expectPunct("(");
                if (!checkPunct(";")) {
                    if (auto decl = tryDeclaration(false)) {
                        s->forInit.push_back(std::move(decl));
                    } else {
                        while (true) {
                            auto es = node<Stmt>(current());
                            es->kind = StmtKind::Expression;
                            es->exprs.push_back(expression());
                            s->forInit.push_back(std::move(es));
                            if (!matchPunct(",")) {
                                break;
                            }
                        }
                    }
                }
                expectPunct(";");
                if (!checkPunct(";")) {
                    s->hasCondition = true;
                    s->exprs.push_back(expression());
                } else {
                    s->exprs.push_back(nullptr);
                }
                expectPunct(";");
                while (!checkPunct(")")) {
                    s->exprs.push_back(expression());
                    if (!matchPunct(",")) {
                        break;
                    }
                }
                expectPunct(")");
                s->body.push_back(embedded());
                return s;
            }
            if (k == "foreach") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::Foreach;
                expectPunct("(");
                if (checkKeyword("var")) {
                    advance();
                    s->isVar = true;
                } else {
                    s->typeSyntax = type();
                }
                s->names.push_back(expectIdentifier());
                if (!checkKeyword("in")) {
                    fail("'in' expected");
                }
                advance();
                s->exprs.push_back(expression());
                expectPunct(")");
                s->body.push_back(embedded());
                return s;
            }
            if (k == "return") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::Return;
                if (!checkPunct(";")) {
                    s->exprs.push_back(expression());
                }
                expectPunct(";");
                return s;
            }
            if (k == "break" || k == "continue") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = k == "break" ? StmtKind::Break : StmtKind::Continue;
                expectPunct(";");
                return s;
            }
            if (k == "throw") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::Throw;
                if (!checkPunct(";")) {
                    s->exprs.push_back(expression());
                }
                expectPunct(";");
                return s;
            }
            if (k == "try") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::Try;
                s->body.push_back(block());
                while (checkKeyword("catch")) {
                    advance();
                    Catch c;
                    if (matchPunct("(")) {
                        c.hasType = true;
                        c.typeSyntax = type();
                        if (check(TokenKind::Identifier)) {
                            c.variable = advance().text;
                        }
                        expectPunct(")");
                    }
                    if (checkWord("when")) {
                        advance();
                        expectPunct("(");
                        c.filter = expression();
                        expectPunct(")");
                    }
                    c.body = block();
                    s->catches.push_back(std::move(c));
                }
                if (checkKeyword("finally")) {
                    advance();
                    s->finally = block();
                }
                if (s->catches.empty() && !s->finally) {
                    fail("Expected catch or finally");
                }
                return s;
            }
            if (k == "switch") {
                advance();
                auto s = node<Stmt>(t);
                s->kind = StmtKind::Switch;
                expectPunct("(");
                s->exprs.push_back(expression());
                expectPunct(")");
                expectPunct("{");
                while (!checkPunct("}")) {
                    SwitchSection section;
                    while (checkKeyword("case") || checkKeyword("default")) {
                        if (advance().text == "case") {
                            section.labels.push_back(expression());
                        } else {
                            section.labels.push_back(nullptr);
                        }
                        expectPunct(":");
                    }
                    if (section.labels.empty()) {
                        fail("'case' expected");
                    }
                    while (!checkKeyword("case") && !checkKeyword("default") && !checkPunct("}")) {
                        if (check(TokenKind::End)) {
                            fail("'}' expected");
                        }
                        section.body.push_back(statement());
                    }
                    s->sections.push_back(std::move(section));
                }
                advance();
                return s;
            }
            if (k == "static" || k == "const") {
                advance();
                return statement();
            }
        }
        if (auto decl = tryDeclaration(true)) {
            return decl;
        }
        auto s = node<Stmt>(t);
        s->kind = StmtKind::Expression;
        auto e = expression();
        if (e->kind != ExprKind::Assign && e->kind != ExprKind::Call && e->kind != ExprKind::IncDec &&
            e->kind != ExprKind::New) {
            throw ParseError{std::size_t(&t - m_tokens.data()),
                             "Only assignment, call, increment, decrement and new object expressions can be used as a "
                             "statement"};
        }
        s->exprs.push_back(std::move(e));
        expectPunct(";");
        return s;
    }

    // `var x = ...;`, `string a = "", b;`, `JObject o;` or a local function; null when the tokens are not one.
    std::unique_ptr<Stmt> tryDeclaration(bool allowFunction)
    {
        const Token &t = current();
        const std::size_t save = m_pos;
        auto s = node<Stmt>(t);
        s->kind = StmtKind::Declaration;
        if (checkKeyword("var") && peekToken().kind == TokenKind::Identifier) {
            advance();
            s->isVar = true;
        } else {
            TypeSyntax ts;
            if (!tryType(ts) || !check(TokenKind::Identifier)) {
                m_pos = save;
                return nullptr;
            }
            const Token &after = peekToken();
            if (after.kind != TokenKind::Punctuator || !(after.text == "=" || after.text == ";" || after.text == "," ||
                                                         (allowFunction && after.text == "("))) {
                m_pos = save;
                return nullptr;
            }
            if (after.text == "(") {
                return localFunction(std::move(ts), t);
            }
            s->typeSyntax = std::move(ts);
        }
        while (true) {
            s->names.push_back(expectIdentifier());
            if (matchPunct("=")) {
                s->inits.push_back(expression());
            } else {
                if (s->isVar) {
                    fail("Implicitly-typed variables must be initialized");
                }
                s->inits.push_back(nullptr);
            }
            if (!matchPunct(",")) {
                break;
            }
        }
        if (allowFunction) {
            expectPunct(";");
        }
        return s;
    }

    std::unique_ptr<Stmt> localFunction(TypeSyntax returnType, const Token &start)
    {
        auto f = std::make_unique<Function>();
        f->line = current().line;
        f->column = current().column;
        f->name = advance().text;
        f->returnSyntax = std::move(returnType);
        expectPunct("(");
        while (!checkPunct(")")) {
            f->paramTypes.push_back(type());
            f->params.push_back(expectIdentifier());
            if (matchPunct("=")) {
                fail("Optional parameters of local functions are not supported");
            }
            if (!matchPunct(",")) {
                break;
            }
        }
        expectPunct(")");
        if (matchPunct("=>")) {
            f->exprBody = expression();
            expectPunct(";");
        } else {
            f->body = block();
        }
        auto s = node<Stmt>(start);
        s->kind = StmtKind::LocalFunction;
        s->function = int(m_tree.functions.size());
        m_tree.functions.push_back(std::move(f));
        return s;
    }

private:
    const SourceText &m_source;
    Tree &m_tree;
    Diagnostics &m_diags;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

const Rule &Parser::rule(const Token &token)
{
    static const Rule none{};
    static const Rule literalRule{&Parser::literal, nullptr, PrecNone};
    static const Rule interpolatedRule{&Parser::interpolated, nullptr, PrecNone};
    static const Rule nameRule{&Parser::name, nullptr, PrecNone};
    static const std::unordered_map<std::string_view, Rule> punctuators = {
        {"(", {&Parser::parenthesis, &Parser::call, PrecPrimary}},
        {"[", {nullptr, &Parser::index, PrecPrimary}},
        {".", {nullptr, &Parser::member, PrecPrimary}},
        {"?.", {nullptr, &Parser::member, PrecPrimary}},
        {"++", {&Parser::unary, &Parser::postfix, PrecPrimary}},
        {"--", {&Parser::unary, &Parser::postfix, PrecPrimary}},
        {"!", {&Parser::unary, nullptr, PrecNone}},
        {"~", {&Parser::unary, nullptr, PrecNone}},
        {"-", {&Parser::unary, &Parser::binary, PrecAdditive, Op::Sub}},
        {"+", {&Parser::unary, &Parser::binary, PrecAdditive, Op::Add}},
        {"*", {nullptr, &Parser::binary, PrecMultiplicative, Op::Mul}},
        {"/", {nullptr, &Parser::binary, PrecMultiplicative, Op::Div}},
        {"%", {nullptr, &Parser::binary, PrecMultiplicative, Op::Mod}},
        {"<<", {nullptr, &Parser::binary, PrecShift, Op::Shl}},
        {"<", {nullptr, &Parser::binary, PrecRelational, Op::Lt}},
        {">", {nullptr, &Parser::binary, PrecRelational, Op::Gt}},
        {"<=", {nullptr, &Parser::binary, PrecRelational, Op::Le}},
        {">=", {nullptr, &Parser::binary, PrecRelational, Op::Ge}},
        {"==", {nullptr, &Parser::binary, PrecEquality, Op::Eq}},
        {"!=", {nullptr, &Parser::binary, PrecEquality, Op::Ne}},
        {"&", {nullptr, &Parser::binary, PrecBitAnd, Op::BitAnd}},
        {"^", {nullptr, &Parser::binary, PrecBitXor, Op::BitXor}},
        {"|", {nullptr, &Parser::binary, PrecBitOr, Op::BitOr}},
        {"&&", {nullptr, &Parser::binary, PrecAnd, Op::And}},
        {"||", {nullptr, &Parser::binary, PrecOr, Op::Or}},
        {"??", {nullptr, &Parser::binary, PrecCoalesce, Op::Coalesce}},
        {"?", {nullptr, &Parser::question, PrecConditional}},
        {"=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"+=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"-=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"*=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"/=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"%=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"&=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"|=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"^=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"?\?=", {nullptr, &Parser::assignment, PrecAssignment}},
        {"<<=", {nullptr, &Parser::assignment, PrecAssignment}},
    };
    static const std::unordered_map<std::string_view, Rule> keywordRules = {
        {"true", {&Parser::keywordLiteral, nullptr, PrecNone}},
        {"false", {&Parser::keywordLiteral, nullptr, PrecNone}},
        {"null", {&Parser::keywordLiteral, nullptr, PrecNone}},
        {"new", {&Parser::newExpression, nullptr, PrecNone}},
        {"default", {&Parser::defaultExpression, nullptr, PrecNone}},
        {"typeof", {&Parser::typeofExpression, nullptr, PrecNone}},
        {"is", {nullptr, &Parser::isAs, PrecRelational}},
        {"as", {nullptr, &Parser::isAs, PrecRelational}},
    };
    static const Rule typeKeywordRule{&Parser::typeKeyword, nullptr, PrecNone};
    switch (token.kind) {
    case TokenKind::Integer:
    case TokenKind::Real:
    case TokenKind::String:
    case TokenKind::Char:
        return literalRule;
    case TokenKind::Interpolated:
        return interpolatedRule;
    case TokenKind::Identifier:
        return nameRule;
    case TokenKind::Keyword: {
        const auto it = keywordRules.find(token.text);
        if (it != keywordRules.end()) {
            return it->second;
        }
        return isTypeKeyword(token.text) ? typeKeywordRule : none;
    }
    case TokenKind::Punctuator: {
        const auto it = punctuators.find(token.text);
        return it != punctuators.end() ? it->second : none;
    }
    default:
        return none;
    }
}

// The depth of the finished tree, measured without recursion: long operator and member chains
// (a.b.c..., 1+1+1...) deepen the tree without nesting brackets, and the checker and evaluator recurse on depth.
const void *deepestNode(const Tree &tree, int limit)
{
    struct Item {
        const Expr *expr;
        const Stmt *stmt;
        int depth;
    };
    std::vector<Item> stack;
    if (tree.expression) {
        stack.push_back({tree.expression.get(), nullptr, 1});
    }
    if (tree.block) {
        stack.push_back({nullptr, tree.block.get(), 1});
    }
    for (const auto &f : tree.functions) {
        if (f->body) {
            stack.push_back({nullptr, f->body.get(), 1});
        }
        if (f->exprBody) {
            stack.push_back({f->exprBody.get(), nullptr, 1});
        }
    }
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const int next = item.depth + 1;
        if (item.expr) {
            if (item.depth > limit) {
                return item.expr;
            }
            const Expr &e = *item.expr;
            for (const auto &k : e.kids) {
                if (k) {
                    stack.push_back({k.get(), nullptr, next});
                }
            }
            for (const auto &p : e.parts) {
                if (p.hole) {
                    stack.push_back({p.hole.get(), nullptr, next});
                }
            }
            for (const auto &init : e.inits) {
                for (const auto &a : init.args) {
                    stack.push_back({a.get(), nullptr, next});
                }
            }
            if (e.block) {
                stack.push_back({nullptr, e.block.get(), next});
            }
            continue;
        }
        const Stmt &s = *item.stmt;
        for (const auto &b : s.body) {
            stack.push_back({nullptr, b.get(), next});
        }
        for (const auto &b : s.forInit) {
            stack.push_back({nullptr, b.get(), next});
        }
        for (const auto &x : s.exprs) {
            if (x) {
                stack.push_back({x.get(), nullptr, next});
            }
        }
        for (const auto &x : s.inits) {
            if (x) {
                stack.push_back({x.get(), nullptr, next});
            }
        }
        for (const auto &c : s.catches) {
            if (c.filter) {
                stack.push_back({c.filter.get(), nullptr, next});
            }
            stack.push_back({nullptr, c.body.get(), next});
        }
        if (s.finally) {
            stack.push_back({nullptr, s.finally.get(), next});
        }
        for (const auto &section : s.sections) {
            for (const auto &l : section.labels) {
                if (l) {
                    stack.push_back({l.get(), nullptr, next});
                }
            }
            for (const auto &b : section.body) {
                stack.push_back({nullptr, b.get(), next});
            }
        }
    }
    return nullptr;
}

} // namespace

bool parse(const SourceText &source, Form form, Tree &tree, Diagnostics &diagnostics)
{
    Parser parser(source, tree, diagnostics);
    if (!parser.run(form)) {
        return false;
    }
    if (const auto *deep = static_cast<const Expr *>(deepestNode(tree, maxTreeDepth))) {
        SourceLocation loc;
        loc.file = source.file();
        loc.line = deep->line;
        loc.column = deep->column;
        diagnostics.push_back(Diagnostic{loc, Severity::Error, "The expression nests too deeply"});
        return false;
    }
    return true;
}

} // namespace gw::expr

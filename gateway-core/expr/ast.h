#pragma once

// The syntax tree the parser builds, the checker annotates (slots, bound members, static types) and the evaluator
// walks. One node struct per family keeps the tree easy to build and to walk; unused fields stay empty.

#include <expr/runtime.h>
#include <expr/value.h>

#include <memory>
#include <string>
#include <vector>

namespace gw::expr {

struct Member;
struct Stmt;

// A type as written: `string`, `Dictionary<string, JObject>`, `string[]`, `int?`.
struct TypeSyntax {
    std::string name; // dotted, as written ("System.String", "JObject", "string")
    std::vector<TypeSyntax> args;
    int rank = 0; // array dimensions written after the name
    bool nullable = false;
    int line = 0;
    int column = 0;
};

enum class ExprKind : std::uint8_t {
    Literal,      // literal
    Name,         // name (resolved by the checker into Local, Context, StaticType or LocalFunction)
    Local,        // slot
    Context,      // `context`
    StaticType,   // a type used as the receiver of a static member: staticType
    Member,       // kids[0].name, or staticType.name when kids[0] is null
    Call,         // kids[0] receiver (may be null), kids[1..] arguments
    Index,        // kids[0][kids[1..]]
    Unary,        // op kids[0]
    Binary,       // kids[0] op kids[1]
    Conditional,  // kids[0] ? kids[1] : kids[2]
    Assign,       // kids[0] op= kids[1] (op "=" for plain assignment)
    IncDec,       // ++x, x++ ... (op "++"/"--", postfix flag)
    Cast,         // (type)kids[0]
    Is,           // kids[0] is type [name], or kids[0] is <constant kids[1]>
    As,           // kids[0] as type
    Lambda,       // params => kids[0] or block
    New,          // new type(kids...) { initializer }
    NewArray,     // new type[] { kids... }, new[] { kids... }
    Interpolated, // $"...": parts
    Default,      // default(type)
    Out,          // `out var x` / `out T x` / `out x` as a call argument: slot
};

enum class Op : std::uint8_t {
    None,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Coalesce,
    Not,
    Neg,
    Plus,
    Complement
};

struct Expr {
    ExprKind kind = ExprKind::Literal;
    Op op = Op::None;
    int line = 0;
    int column = 0;
    std::string name;
    Value literal;
    std::vector<std::unique_ptr<Expr>> kids;
    std::vector<std::string> argNames; // per argument of a Call: "" or the name of a named argument
    std::vector<TypeSyntax> typeArgs;  // As<JObject>(...)
    std::vector<TypeRef> typeRefs;     // typeArgs resolved
    TypeSyntax typeSyntax;             // Cast, Is, As, New, NewArray, Default, Out (declared type)
    TypeRef type;                      // typeSyntax resolved; StaticType's type
    TypeRef stype;                     // the static type the checker inferred (Dynamic when unknown)
    int slot = -1;                     // Local, Out, Is pattern variable
    int function = -1;                 // Call of a local function
    const Member *member = nullptr;    // Member/Call/Index/New bound at check time
    bool nullConditional = false;      // ?. and ?[
    bool postfix = false;              // IncDec
    bool declares = false;             // Out declaring a variable; Is with a pattern variable
    bool negated = false;              // `is not`
    // Lambda
    std::vector<std::string> params;
    std::vector<TypeSyntax> paramTypes;
    std::vector<int> paramSlots;
    std::unique_ptr<Stmt> block;
    // New: initializer entries. Collection: kids of each entry; object/dictionary: key name or index expression.
    struct Init {
        std::string property;                    // { Name = value }
        std::vector<std::unique_ptr<Expr>> args; // { a, b } or { {k, v} } or { [k] = v } (args[0]=k, args[1]=v)
        bool indexed = false;
    };
    std::vector<Init> inits;
    bool hasInitializer = false;
    bool anonymous = false; // new { a = 1 }
    // Interpolated: literal text and holes
    struct Part {
        std::string text;
        std::unique_ptr<Expr> hole;
        std::string format;
        int alignment = 0;
    };
    std::vector<Part> parts;
};

enum class StmtKind : std::uint8_t {
    Block,
    Expression,
    Declaration,
    If,
    While,
    DoWhile,
    For,
    Foreach,
    Return,
    Break,
    Continue,
    Throw,
    Try,
    Switch,
    LocalFunction,
    Empty
};

struct Catch {
    TypeSyntax typeSyntax;
    bool hasType = false;
    std::string variable;
    int slot = -1;
    std::unique_ptr<Expr> filter; // catch (...) when (filter)
    std::unique_ptr<Stmt> body;
};

struct SwitchSection {
    std::vector<std::unique_ptr<Expr>> labels; // a null label is `default:`
    std::vector<std::unique_ptr<Stmt>> body;
};

struct Stmt {
    StmtKind kind = StmtKind::Empty;
    int line = 0;
    int column = 0;
    std::vector<std::unique_ptr<Stmt>> body;  // Block: statements; If: then [, else]; loops: body; For: init...
    std::vector<std::unique_ptr<Expr>> exprs; // Expression: [e]; If/While/DoWhile: [cond]; Return: [value?];
                                              // For: [cond?, iterators...]; Foreach: [collection]
    // Declaration (also the foreach variable): one entry per declarator
    TypeSyntax typeSyntax;
    bool isVar = false;
    TypeRef declType;
    std::vector<std::string> names;
    std::vector<int> locals;                  // the slot of each declarator
    std::vector<std::unique_ptr<Expr>> inits; // null when a declarator has no initialiser
    // For: initialisers as statements
    std::vector<std::unique_ptr<Stmt>> forInit;
    bool hasCondition = false;
    // Try
    std::vector<Catch> catches;
    std::unique_ptr<Stmt> finally;
    // Switch
    std::vector<SwitchSection> sections;
    // LocalFunction
    int function = -1;
};

// A local function of a block: `string Pad(string s) { ... }` or `int Twice(int x) => x * 2;`.
struct Function {
    std::string name;
    int line = 0;
    int column = 0;
    TypeSyntax returnSyntax;
    TypeRef returnType;
    std::vector<std::string> params;
    std::vector<TypeSyntax> paramTypes;
    std::vector<TypeRef> paramRefs;
    std::vector<int> paramSlots;
    std::unique_ptr<Stmt> body;     // block body
    std::unique_ptr<Expr> exprBody; // => body
    int slotBegin = 0;              // the slots it owns (parameters and locals), saved around recursive calls
    int slotEnd = 0;
};

// The parsed program: one expression (Form::Single) or a block.
struct Tree {
    std::unique_ptr<Expr> expression;
    std::unique_ptr<Stmt> block;
    std::vector<std::unique_ptr<Function>> functions;
    int slotCount = 0;
    std::vector<TypeRef> slotTypes; // declared type per slot: assignments convert to it (long x = 1)
};

} // namespace gw::expr

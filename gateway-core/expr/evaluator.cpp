#include <expr/bindings.h>
#include <expr/evaluator.h>

#include <common/text.h>

#include <cmath>

namespace gw::expr {

namespace {

enum class Flow { Normal, Return, Break, Continue };

constexpr int maxCallDepth = 64;
constexpr std::size_t maxStackBytes = 1u << 20; // of the evaluating thread's stack
constexpr std::size_t inlineArgs = 8;

bool isEnumType(TypeId t)
{
    return int(t) >= int(TypeId::StringComparison) && int(t) <= int(TypeId::UriPartial);
}

void locate(EvalError &error, const Expr &at)
{
    if (error.line == 0) {
        error.line = at.line;
        error.column = at.column;
    }
}

[[noreturn]] void failAt(const Expr &at, std::string message, std::string_view type)
{
    throw EvalError{std::move(message), type, at.line, at.column};
}

[[noreturn]] void nullAt(const Expr &at)
{
    failAt(at, "Object reference not set to an instance of an object.", "System.NullReferenceException");
}

bool exceptionMatches(const std::string &written, std::string_view actual)
{
    const auto dot = written.rfind('.');
    const std::string_view name =
        dot == std::string::npos ? std::string_view(written) : std::string_view(written).substr(dot + 1);
    if (name == "Exception" || name == "SystemException") {
        return true;
    }
    const auto adot = actual.rfind('.');
    const std::string_view actualName = adot == std::string_view::npos ? actual : actual.substr(adot + 1);
    if (name == actualName) {
        return true;
    }
    if (name == "ArgumentException") {
        return actualName == "ArgumentNullException" || actualName == "ArgumentOutOfRangeException";
    }
    if (name == "JsonException") {
        return actualName.starts_with("Json");
    }
    if (name == "InvalidOperationException") {
        return actualName == "InvalidOperationException";
    }
    return false;
}

class Evaluator {
public:
    Evaluator(const Tree &tree, EvalState &st, const char *stackBase) : m_tree(tree), m_st(st), m_stackBase(stackBase)
    {
    }

    Value eval(const Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Literal:
            return e.literal;
        case ExprKind::Local:
            return m_st.locals[std::size_t(e.slot)];
        case ExprKind::Context:
            return Value(TypeId::Context, 0);
        case ExprKind::Member:
        case ExprKind::Call:
        case ExprKind::Index: {
            bool shorted = false;
            return access(e, shorted);
        }
        case ExprKind::Unary:
            return unary(e);
        case ExprKind::Binary:
            return binary(e);
        case ExprKind::Conditional:
            return truth(*e.kids[0], eval(*e.kids[0])) ? eval(*e.kids[1]) : eval(*e.kids[2]);
        case ExprKind::Assign:
            return assign(e);
        case ExprKind::IncDec:
            return incDec(e);
        case ExprKind::Cast:
            return cast(e);
        case ExprKind::Is:
            return is(e);
        case ExprKind::As: {
            Value v = eval(*e.kids[0]);
            return isInstance(v, e.type) ? v : Value();
        }
        case ExprKind::Lambda: {
            auto box = std::make_shared<LambdaBox>();
            box->node = &e;
            box->serial = m_st.serial;
            return Value(TypeId::Lambda, 0, std::move(box));
        }
        case ExprKind::New:
            return newObject(e);
        case ExprKind::NewArray:
            return newArray(e);
        case ExprKind::Interpolated:
            return interpolated(e);
        case ExprKind::Default:
            return e.typeSyntax.name.empty() ? Value() : defaultValue(e.type);
        case ExprKind::StaticType:
        case ExprKind::Name:
        case ExprKind::Out:
            failAt(e, "Internal error: unresolved expression.", "System.InvalidOperationException");
        }
        return {};
    }

    Flow exec(const Stmt &s, Value &ret)
    {
        switch (s.kind) {
        case StmtKind::Empty:
        case StmtKind::LocalFunction:
            return Flow::Normal;
        case StmtKind::Block:
            for (const auto &st : s.body) {
                const Flow flow = exec(*st, ret);
                if (flow != Flow::Normal) {
                    return flow;
                }
            }
            return Flow::Normal;
        case StmtKind::Expression:
            eval(*s.exprs[0]);
            return Flow::Normal;
        case StmtKind::Declaration:
            for (std::size_t i = 0; i < s.locals.size(); ++i) {
                Value v = s.inits[i] ? eval(*s.inits[i]) : defaultValue(s.declType);
                m_st.locals[std::size_t(s.locals[i])] = s.isVar ? std::move(v) : convertForAssignment(v, s.declType);
            }
            return Flow::Normal;
        case StmtKind::If:
            if (truth(*s.exprs[0], eval(*s.exprs[0]))) {
                return exec(*s.body[0], ret);
            }
            if (s.body.size() > 1) {
                return exec(*s.body[1], ret);
            }
            return Flow::Normal;
        case StmtKind::While:
            while (truth(*s.exprs[0], eval(*s.exprs[0]))) {
                m_st.step();
                const Flow flow = exec(*s.body[0], ret);
                if (flow == Flow::Break) {
                    break;
                }
                if (flow == Flow::Return) {
                    return flow;
                }
            }
            return Flow::Normal;
        case StmtKind::DoWhile:
            do {
                m_st.step();
                const Flow flow = exec(*s.body[0], ret);
                if (flow == Flow::Break) {
                    break;
                }
                if (flow == Flow::Return) {
                    return flow;
                }
            } while (truth(*s.exprs[0], eval(*s.exprs[0])));
            return Flow::Normal;
        case StmtKind::For:
            for (const auto &init : s.forInit) {
                exec(*init, ret);
            }
            while (!s.exprs[0] || truth(*s.exprs[0], eval(*s.exprs[0]))) {
                m_st.step();
                const Flow flow = exec(*s.body[0], ret);
                if (flow == Flow::Break) {
                    break;
                }
                if (flow == Flow::Return) {
                    return flow;
                }
                for (std::size_t i = 1; i < s.exprs.size(); ++i) {
                    eval(*s.exprs[i]);
                }
            }
            return Flow::Normal;
        case StmtKind::Foreach: {
            const Value collection = eval(*s.exprs[0]);
            if (collection.isNull()) {
                nullAt(*s.exprs[0]);
            }
            std::vector<Value> items;
            try {
                items = enumerate(m_st, collection);
            } catch (EvalError &error) {
                locate(error, *s.exprs[0]);
                throw;
            }
            for (auto &item : items) {
                m_st.step();
                m_st.locals[std::size_t(s.locals[0])] = s.isVar ? std::move(item) : castTo(item, s.declType);
                const Flow flow = exec(*s.body[0], ret);
                if (flow == Flow::Break) {
                    break;
                }
                if (flow == Flow::Return) {
                    return flow;
                }
            }
            return Flow::Normal;
        }
        case StmtKind::Return:
            ret = s.exprs.empty() ? Value() : eval(*s.exprs[0]);
            return Flow::Return;
        case StmtKind::Break:
            return Flow::Break;
        case StmtKind::Continue:
            return Flow::Continue;
        case StmtKind::Throw: {
            if (s.exprs.empty()) {
                if (m_caught.empty()) {
                    throw EvalError{"No exception to rethrow.", "System.InvalidOperationException", s.line, s.column};
                }
                throw m_caught.back();
            }
            const Value v = eval(*s.exprs[0]);
            if (v.isNull()) {
                nullAt(*s.exprs[0]);
            }
            if (v.is(TypeId::Exception)) {
                throw EvalError{v.as<ExceptionBox>()->message, "System.Exception", s.line, s.column};
            }
            throw EvalError{toText(v), "System.Exception", s.line, s.column};
        }
        case StmtKind::Try:
            return tryStatement(s, ret);
        case StmtKind::Switch: {
            const Value v = eval(*s.exprs[0]);
            const SwitchSection *chosen = nullptr;
            const SwitchSection *fallback = nullptr;
            for (const auto &section : s.sections) {
                for (const auto &label : section.labels) {
                    if (!label) {
                        fallback = &section;
                    } else if (!chosen && valueEquals(v, label->literal)) {
                        chosen = &section;
                    }
                }
            }
            if (!chosen) {
                chosen = fallback;
            }
            if (chosen) {
                for (const auto &st : chosen->body) {
                    const Flow flow = exec(*st, ret);
                    if (flow == Flow::Break) {
                        return Flow::Normal;
                    }
                    if (flow != Flow::Normal) {
                        return flow;
                    }
                }
            }
            return Flow::Normal;
        }
        }
        return Flow::Normal;
    }

    // Deep recursion through local functions and lambdas runs on the caller's stack: stop well before its end.
    void checkStack(const Expr &at)
    {
        const char marker = 0;
        if (m_stackBase - &marker > std::ptrdiff_t(maxStackBytes)) {
            throw EvalError{"The expression recursed too deeply.", "System.InsufficientExecutionStackException",
                            at.line, at.column, true};
        }
    }

    Value invoke(const Expr &lambda, std::span<const Value> args)
    {
        checkStack(lambda);
        if (++m_st.depth > maxCallDepth) {
            --m_st.depth;
            throw EvalError{"The expression recursed too deeply.", "System.InsufficientExecutionStackException",
                            lambda.line, lambda.column, true};
        }
        struct Guard {
            int &depth;
            ~Guard() { --depth; }
        } guard{m_st.depth};
        for (std::size_t i = 0; i < lambda.paramSlots.size(); ++i) {
            m_st.locals[std::size_t(lambda.paramSlots[i])] = i < args.size() ? args[i] : Value();
        }
        if (lambda.block) {
            Value ret;
            exec(*lambda.block, ret);
            return ret;
        }
        return eval(*lambda.kids[0]);
    }

private:
    // --- access chains: a?.b.c yields null when a is null ---

    Value receiverOf(const Expr &e, bool &shorted)
    {
        if (e.kind == ExprKind::Member || e.kind == ExprKind::Call || e.kind == ExprKind::Index) {
            return access(e, shorted);
        }
        shorted = false;
        return eval(e);
    }

    const Member *runtimeMember(const Expr &e, const Value &recv, MemberKind kind, std::string_view name)
    {
        const Member *m = e.member;
        if (m && (recv.type() == m->owner || derivesFrom(recv.type(), m->owner))) {
            return m;
        }
        m = findMember(recv.type(), name, kind);
        if (!m) {
            if (kind == MemberKind::Property && name == "[]") {
                failAt(e, "Cannot apply indexing with [] to an expression of type '" + typeNameOf(recv) + "'",
                       "Microsoft.CSharp.RuntimeBinder.RuntimeBinderException");
            }
            failAt(e, "'" + typeNameOf(recv) + "' does not contain a definition for '" + std::string(name) + "'",
                   "Microsoft.CSharp.RuntimeBinder.RuntimeBinderException");
        }
        return m;
    }

    Value call(const Expr &at, const Member &m, const Value &self, std::span<Value> args,
               std::span<const TypeRef> types, std::string_view written = {})
    {
        Call c{m_st, self, args, types, written};
        m_st.step();
        try {
            Value result = m.impl(c);
            // what members build counts against the memory budget, so that loops over big strings end
            if (result.isString()) {
                m_st.charge(result.text().size());
            } else if (result.is(TypeId::Bytes)) {
                m_st.charge(result.as<BytesBox>()->data.size());
            }
            return result;
        } catch (EvalError &error) {
            locate(error, at);
            throw;
        }
    }

    Value access(const Expr &e, bool &shorted)
    {
        const Expr *recvExpr = e.kids.empty() ? nullptr : e.kids[0].get();
        switch (e.kind) {
        case ExprKind::Member: {
            if (recvExpr && recvExpr->kind == ExprKind::StaticType) {
                shorted = false;
                return call(e, *e.member, Value(), {}, {}, recvExpr->typeSyntax.name);
            }
            Value recv = receiverOf(*recvExpr, shorted);
            if (recv.isNull()) {
                if (shorted || e.nullConditional) {
                    shorted = true;
                    return {};
                }
                nullAt(e);
            }
            shorted = false;
            const Member *m = runtimeMember(e, recv, MemberKind::Property, e.name);
            return call(e, *m, recv, {}, {});
        }
        case ExprKind::Index: {
            Value recv = receiverOf(*recvExpr, shorted);
            if (recv.isNull()) {
                if (shorted || e.nullConditional) {
                    shorted = true;
                    return {};
                }
                nullAt(e);
            }
            shorted = false;
            const Member *m = runtimeMember(e, recv, MemberKind::Property, "[]");
            Value args[inlineArgs];
            const std::size_t argc = std::min(e.kids.size() - 1, inlineArgs);
            for (std::size_t i = 0; i < argc; ++i) {
                args[i] = eval(*e.kids[i + 1]);
            }
            return call(e, *m, recv, std::span<Value>(args, argc), {});
        }
        case ExprKind::Call: {
            if (e.function >= 0) {
                shorted = false;
                return callFunction(e, *m_tree.functions[std::size_t(e.function)]);
            }
            Value recv;
            const Member *m = e.member;
            std::string_view written;
            if (recvExpr->kind == ExprKind::StaticType) {
                written = recvExpr->typeSyntax.name;
                shorted = false;
            } else {
                recv = receiverOf(*recvExpr, shorted);
                if (recv.isNull()) {
                    if (shorted || e.nullConditional) {
                        shorted = true;
                        return {};
                    }
                    nullAt(e);
                }
                shorted = false;
                m = runtimeMember(e, recv, MemberKind::Method, e.name);
                const std::size_t argc = e.kids.size() - 1;
                if (int(argc) < m->minArgs || (m->maxArgs >= 0 && int(argc) > m->maxArgs)) {
                    failAt(e, "No overload for method '" + e.name + "' takes " + std::to_string(argc) + " arguments",
                           "Microsoft.CSharp.RuntimeBinder.RuntimeBinderException");
                }
            }
            return callWithArguments(e, *m, recv, written);
        }
        default:
            shorted = false;
            return eval(e);
        }
    }

    Value callWithArguments(const Expr &e, const Member &m, const Value &self, std::string_view written)
    {
        const std::size_t argc = e.kids.size() - 1;
        Value inline_[inlineArgs];
        std::vector<Value> heap;
        Value *args = inline_;
        if (argc > inlineArgs) {
            heap.resize(argc);
            args = heap.data();
        }
        bool hasOut = false;
        for (std::size_t i = 0; i < argc; ++i) {
            const Expr &arg = *e.kids[i + 1];
            if (arg.kind == ExprKind::Out) {
                hasOut = true;
                args[i] = m_st.locals[std::size_t(arg.slot)];
            } else {
                args[i] = eval(arg);
            }
        }
        Value result = call(e, m, self, std::span<Value>(args, argc), e.typeRefs, written);
        if (hasOut) {
            for (std::size_t i = 0; i < argc; ++i) {
                const Expr &arg = *e.kids[i + 1];
                if (arg.kind == ExprKind::Out) {
                    const TypeRef &declared = m_tree.slotTypes[std::size_t(arg.slot)];
                    m_st.locals[std::size_t(arg.slot)] = convertForAssignment(args[i], declared);
                }
            }
        }
        return result;
    }

    Value callFunction(const Expr &e, const Function &f)
    {
        const std::size_t argc = e.kids.size() - 1;
        std::vector<Value> args(argc);
        for (std::size_t i = 0; i < argc; ++i) {
            args[i] = eval(*e.kids[i + 1]);
        }
        checkStack(e);
        if (++m_st.depth > maxCallDepth) {
            --m_st.depth;
            throw EvalError{"The expression recursed too deeply.", "System.InsufficientExecutionStackException", e.line,
                            e.column, true};
        }
        m_st.step(10); // a call costs more than a loop turn: deep call trees end sooner
        // the function's own slots are saved so that a recursive call does not clobber its caller's locals
        std::vector<Value> saved(m_st.locals.begin() + f.slotBegin, m_st.locals.begin() + f.slotEnd);
        struct Restore {
            EvalState &st;
            const Function &f;
            std::vector<Value> &saved;
            ~Restore()
            {
                std::move(saved.begin(), saved.end(), st.locals.begin() + f.slotBegin);
                --st.depth;
            }
        } restore{m_st, f, saved};
        for (std::size_t i = 0; i < argc; ++i) {
            m_st.locals[std::size_t(f.paramSlots[i])] = convertForAssignment(args[i], f.paramRefs[i]);
        }
        if (f.body) {
            Value ret;
            exec(*f.body, ret);
            return convertForAssignment(ret, f.returnType);
        }
        return convertForAssignment(eval(*f.exprBody), f.returnType);
    }

    // --- operators ---

    bool truth(const Expr &at, const Value &v)
    {
        if (v.is(TypeId::Bool)) {
            return v.flag();
        }
        if (v.isNull()) {
            failAt(at, "Nullable object must have a value.", "System.InvalidOperationException");
        }
        if (v.is(TypeId::JValue) && v.as<JNode>()->kind == JNode::Kind::Bool) {
            return v.as<JNode>()->boolean;
        }
        failAt(at, "Unable to cast object of type '" + typeNameOf(v) + "' to type 'System.Boolean'.",
               "System.InvalidCastException");
    }

    std::string text(const Value &v)
    {
        if (v.isString()) {
            return v.text();
        }
        if (v.is(TypeId::Url)) {
            const Member *m = findMember(TypeId::Url, "ToString", MemberKind::Method);
            Call c{m_st, v, {}, {}};
            return m->impl(c).text();
        }
        return toText(v);
    }

    Value unary(const Expr &e)
    {
        Value v = eval(*e.kids[0]);
        if (v.is(TypeId::JValue)) {
            v = plain(v);
        }
        switch (e.op) {
        case Op::Not:
            return Value::boolean(!truth(*e.kids[0], v));
        case Op::Neg:
            if (v.is(TypeId::Int32) || v.is(TypeId::Char)) {
                return Value::int32(std::int32_t(0u - std::uint32_t(v.integer())));
            }
            if (v.is(TypeId::Int64)) {
                return Value::int64(std::int64_t(0ull - std::uint64_t(v.integer())));
            }
            if (v.is(TypeId::Double) || v.is(TypeId::Decimal)) {
                return Value::floating(-v.real(), v.type());
            }
            if (v.is(TypeId::TimeSpan) && v.integer() != INT64_MIN) {
                return makeTimeSpan(-v.integer());
            }
            break;
        case Op::Plus:
            if (v.isNumber() || v.is(TypeId::Char)) {
                return v.is(TypeId::Char) ? Value::int32(std::int32_t(v.integer())) : v;
            }
            break;
        case Op::Complement:
            if (v.is(TypeId::Int32)) {
                return Value::int32(~std::int32_t(v.integer()));
            }
            if (v.is(TypeId::Int64)) {
                return Value::int64(~v.integer());
            }
            break;
        default:
            break;
        }
        if (v.isNull()) {
            return {};
        }
        failAt(e, "Operator cannot be applied to operand of type '" + typeNameOf(v) + "'",
               "Microsoft.CSharp.RuntimeBinder.RuntimeBinderException");
    }

    // A JSON scalar as the plain value it holds (for arithmetic and comparisons).
    static Value plain(const Value &v)
    {
        const JNode &n = *v.as<JNode>();
        switch (n.kind) {
        case JNode::Kind::Integer:
            return makeInteger(n.integer);
        case JNode::Kind::Float:
            return Value::floating(n.real);
        case JNode::Kind::Bool:
            return Value::boolean(n.boolean);
        case JNode::Kind::String:
            return Value::string(n.text);
        case JNode::Kind::Null:
            return {};
        default:
            return v;
        }
    }

    Value binary(const Expr &e)
    {
        switch (e.op) {
        case Op::And:
            return Value::boolean(truth(*e.kids[0], eval(*e.kids[0])) && truth(*e.kids[1], eval(*e.kids[1])));
        case Op::Or:
            return Value::boolean(truth(*e.kids[0], eval(*e.kids[0])) || truth(*e.kids[1], eval(*e.kids[1])));
        case Op::Coalesce: {
            Value left = eval(*e.kids[0]);
            return left.isNull() ? eval(*e.kids[1]) : left;
        }
        default:
            break;
        }
        const Value a = eval(*e.kids[0]);
        const Value b = eval(*e.kids[1]);
        return operate(e, e.op, a, b);
    }

    Value operate(const Expr &e, Op op, Value a, Value b)
    {
        if (op == Op::Eq) {
            return Value::boolean(valueEquals(a, b));
        }
        if (op == Op::Ne) {
            return Value::boolean(!valueEquals(a, b));
        }
        if (op == Op::Add && (a.isString() || b.isString())) {
            return concat(a, b);
        }
        if (a.is(TypeId::JValue)) {
            a = plain(a);
        }
        if (b.is(TypeId::JValue)) {
            b = plain(b);
        }
        if (op == Op::Add && (a.isString() || b.isString())) {
            std::string out = text(a) + text(b);
            m_st.charge(out.size());
            return Value::string(std::move(out));
        }
        if (a.isNull() || b.isNull()) {
            // lifted operators: comparisons with null are false, arithmetic yields null
            if (op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge) {
                return Value::boolean(false);
            }
            return {};
        }
        const TypeId ta = a.type();
        const TypeId tb = b.type();
        // dates and durations
        if (ta == TypeId::DateTime || ta == TypeId::TimeSpan || tb == TypeId::DateTime || tb == TypeId::TimeSpan) {
            if (op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge) {
                if (ta != tb) {
                    badOperands(e, a, b);
                }
                return compare(op, compareValues(a, b));
            }
            if (ta == TypeId::DateTime && tb == TypeId::DateTime && op == Op::Sub) {
                return makeTimeSpan(a.integer() - b.integer());
            }
            if (ta == TypeId::DateTime && tb == TypeId::TimeSpan && (op == Op::Add || op == Op::Sub)) {
                std::int64_t ticks = 0;
                const bool overflow = op == Op::Add ? __builtin_add_overflow(a.integer(), b.integer(), &ticks)
                                                    : __builtin_sub_overflow(a.integer(), b.integer(), &ticks);
                if (overflow || ticks < 0 || ticks > 3155378975999999999) {
                    failAt(e, "The added or subtracted value results in an un-representable DateTime.",
                           "System.ArgumentOutOfRangeException");
                }
                return makeDateTime(ticks, a.flags());
            }
            if (ta == TypeId::TimeSpan && tb == TypeId::TimeSpan && (op == Op::Add || op == Op::Sub)) {
                std::int64_t ticks = 0;
                const bool overflow = op == Op::Add ? __builtin_add_overflow(a.integer(), b.integer(), &ticks)
                                                    : __builtin_sub_overflow(a.integer(), b.integer(), &ticks);
                if (overflow) {
                    failAt(e, "TimeSpan overflowed because the duration is too long.", "System.OverflowException");
                }
                return makeTimeSpan(ticks);
            }
            badOperands(e, a, b);
        }
        const bool numA = a.isNumber() || ta == TypeId::Char;
        const bool numB = b.isNumber() || tb == TypeId::Char;
        if (ta == TypeId::Bool && tb == TypeId::Bool) {
            switch (op) {
            case Op::BitAnd:
                return Value::boolean(a.flag() && b.flag());
            case Op::BitOr:
                return Value::boolean(a.flag() || b.flag());
            case Op::BitXor:
                return Value::boolean(a.flag() != b.flag());
            default:
                badOperands(e, a, b);
            }
        }
        if (isEnumType(ta) && (op == Op::BitAnd || op == Op::BitOr || op == Op::BitXor)) {
            const std::int64_t x = a.integer();
            const std::int64_t y = b.integer();
            return Value::enumValue(ta, op == Op::BitAnd ? (x & y) : op == Op::BitOr ? (x | y) : (x ^ y));
        }
        if (isEnumType(ta) && ta == tb && (op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge)) {
            return compare(op, a.integer() < b.integer() ? -1 : a.integer() > b.integer() ? 1 : 0);
        }
        if (!numA || !numB) {
            badOperands(e, a, b);
        }
        if (op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge) {
            return compare(op, compareValues(a, b));
        }
        const bool floating =
            ta == TypeId::Double || tb == TypeId::Double || ta == TypeId::Decimal || tb == TypeId::Decimal;
        if (floating) {
            const double x = ta == TypeId::Char ? double(a.integer()) : a.number();
            const double y = tb == TypeId::Char ? double(b.integer()) : b.number();
            const TypeId rt = (ta == TypeId::Double || tb == TypeId::Double) ? TypeId::Double : TypeId::Decimal;
            if (rt == TypeId::Decimal && (op == Op::Div || op == Op::Mod) && y == 0) {
                failAt(e, "Attempted to divide by zero.", "System.DivideByZeroException");
            }
            switch (op) {
            case Op::Add:
                return Value::floating(x + y, rt);
            case Op::Sub:
                return Value::floating(x - y, rt);
            case Op::Mul:
                return Value::floating(x * y, rt);
            case Op::Div:
                return Value::floating(x / y, rt);
            case Op::Mod:
                return Value::floating(std::fmod(x, y), rt);
            default:
                badOperands(e, a, b);
            }
        }
        const bool wide = ta == TypeId::Int64 || tb == TypeId::Int64;
        const std::int64_t x = a.integer();
        const std::int64_t y = b.integer();
        std::uint64_t r = 0;
        switch (op) {
        case Op::Add:
            r = std::uint64_t(x) + std::uint64_t(y);
            break;
        case Op::Sub:
            r = std::uint64_t(x) - std::uint64_t(y);
            break;
        case Op::Mul:
            r = std::uint64_t(x) * std::uint64_t(y);
            break;
        case Op::Div:
        case Op::Mod:
            if (y == 0) {
                failAt(e, "Attempted to divide by zero.", "System.DivideByZeroException");
            }
            if (y == -1) {
                r = op == Op::Div ? 0ull - std::uint64_t(x) : 0;
            } else {
                r = std::uint64_t(op == Op::Div ? x / y : x % y);
            }
            break;
        case Op::BitAnd:
            r = std::uint64_t(x & y);
            break;
        case Op::BitOr:
            r = std::uint64_t(x | y);
            break;
        case Op::BitXor:
            r = std::uint64_t(x ^ y);
            break;
        case Op::Shl:
            r = std::uint64_t(x) << (y & (wide ? 63 : 31));
            break;
        case Op::Shr:
            r = std::uint64_t(wide ? (x >> (y & 63)) : std::int64_t(std::int32_t(x) >> (y & 31)));
            break;
        default:
            badOperands(e, a, b);
        }
        if (wide) {
            return Value::int64(std::int64_t(r));
        }
        return Value::int32(std::int32_t(std::uint32_t(r)));
    }

    // String concatenation; the budget is charged before the copy is made.
    Value concat(const Value &a, const Value &b)
    {
        const std::string left = a.isString() ? std::string() : text(a);
        const std::string right = b.isString() ? std::string() : text(b);
        const std::string &x = a.isString() ? a.text() : left;
        const std::string &y = b.isString() ? b.text() : right;
        m_st.charge(x.size() + y.size());
        std::string out;
        out.reserve(x.size() + y.size());
        out += x;
        out += y;
        return Value::string(std::move(out));
    }

    static Value compare(Op op, int r)
    {
        switch (op) {
        case Op::Lt:
            return Value::boolean(r < 0);
        case Op::Le:
            return Value::boolean(r <= 0);
        case Op::Gt:
            return Value::boolean(r > 0);
        default:
            return Value::boolean(r >= 0);
        }
    }

    [[noreturn]] void badOperands(const Expr &e, const Value &a, const Value &b)
    {
        failAt(e, "Operator cannot be applied to operands of type '" + typeNameOf(a) + "' and '" + typeNameOf(b) + "'",
               "Microsoft.CSharp.RuntimeBinder.RuntimeBinderException");
    }

    // --- assignment ---

    struct Place {
        const Expr *target = nullptr;
        Value recv;
        Value index[inlineArgs];
        std::size_t indexCount = 0;
        const Member *member = nullptr;
    };

    void place(const Expr &target, Place &p)
    {
        p.target = &target;
        if (target.kind == ExprKind::Local) {
            return;
        }
        p.recv = eval(*target.kids[0]);
        if (p.recv.isNull()) {
            nullAt(target);
        }
        if (target.kind == ExprKind::Index) {
            p.indexCount = std::min(target.kids.size() - 1, inlineArgs);
            for (std::size_t i = 0; i < p.indexCount; ++i) {
                p.index[i] = eval(*target.kids[i + 1]);
            }
            p.member = runtimeMember(target, p.recv, MemberKind::Property, "[]");
        } else {
            p.member = runtimeMember(target, p.recv, MemberKind::Property, target.name);
        }
    }

    Value get(Place &p)
    {
        if (p.target->kind == ExprKind::Local) {
            return m_st.locals[std::size_t(p.target->slot)];
        }
        return call(*p.target, *p.member, p.recv, std::span<Value>(p.index, p.indexCount), {});
    }

    void set(Place &p, Value v)
    {
        const Expr &target = *p.target;
        if (target.kind == ExprKind::Local) {
            m_st.locals[std::size_t(target.slot)] = convertForAssignment(v, m_tree.slotTypes[std::size_t(target.slot)]);
            return;
        }
        if (!p.member->setter) {
            failAt(target,
                   "Property or indexer '" + (target.kind == ExprKind::Index ? std::string("this[]") : target.name) +
                       "' cannot be assigned to -- it is read only",
                   "Microsoft.CSharp.RuntimeBinder.RuntimeBinderException");
        }
        Value args[inlineArgs + 1];
        for (std::size_t i = 0; i < p.indexCount; ++i) {
            args[i] = p.index[i];
        }
        args[p.indexCount] = std::move(v);
        Call c{m_st, p.recv, std::span<Value>(args, p.indexCount + 1), {}};
        try {
            p.member->setter(c);
        } catch (EvalError &error) {
            locate(error, target);
            throw;
        }
    }

    Value assign(const Expr &e)
    {
        Place p;
        place(*e.kids[0], p);
        if (e.op == Op::None) {
            Value v = eval(*e.kids[1]);
            set(p, v);
            return v;
        }
        Value current = get(p);
        if (e.op == Op::Coalesce) {
            if (!current.isNull()) {
                return current;
            }
            Value v = eval(*e.kids[1]);
            set(p, v);
            return v;
        }
        Value v = operate(e, e.op, current, eval(*e.kids[1]));
        // compound assignment keeps the variable's type: `i += 1` on an int stays an int, `c += 1` on a char too
        if (current.is(TypeId::Char) && v.isIntegral()) {
            v = Value::character(char32_t(v.integer() & 0xFFFF));
        }
        set(p, v);
        return v;
    }

    Value incDec(const Expr &e)
    {
        Place p;
        place(*e.kids[0], p);
        const Value old = get(p);
        Value one = Value::int32(1);
        Value v = operate(e, e.op, old, one);
        if (old.is(TypeId::Char)) {
            v = Value::character(char32_t(v.integer() & 0xFFFF));
        } else if (old.is(TypeId::Int64)) {
            v = Value::int64(v.integer());
        }
        set(p, v);
        return e.postfix ? old : v;
    }

    // --- conversions and construction ---

    Value cast(const Expr &e)
    {
        Value v = eval(*e.kids[0]);
        if ((v.is(TypeId::XElement) || v.is(TypeId::XAttribute)) && e.type.id == TypeId::String) {
            return call(e, *findMember(v.type(), "Value", MemberKind::Property), v, {}, {});
        }
        if (v.is(TypeId::Url) && e.type.id == TypeId::String) {
            return Value::string(text(v));
        }
        try {
            return castTo(v, e.type);
        } catch (EvalError &error) {
            locate(error, e);
            throw;
        }
    }

    Value is(const Expr &e)
    {
        const Value v = eval(*e.kids[0]);
        bool result = false;
        if (e.kids.size() > 1) {
            const Value constant = eval(*e.kids[1]);
            result = constant.isNull() ? v.isNull() : valueEquals(v, constant);
        } else {
            result = isInstance(v, e.type);
            if (result && e.declares) {
                m_st.locals[std::size_t(e.slot)] = v;
            }
        }
        return Value::boolean(e.negated ? !result : result);
    }

    Value defaultValue(const TypeRef &type)
    {
        switch (type.id) {
        case TypeId::Bool:
            return Value::boolean(false);
        case TypeId::Int32:
            return type.nullable ? Value() : Value::int32(0);
        case TypeId::Int64:
            return type.nullable ? Value() : Value::int64(0);
        case TypeId::Double:
        case TypeId::Decimal:
            return type.nullable ? Value() : Value::floating(0, type.id);
        case TypeId::Char:
            return type.nullable ? Value() : Value::character(0);
        case TypeId::DateTime:
            return type.nullable ? Value() : makeDateTime(0, 0);
        case TypeId::TimeSpan:
            return type.nullable ? Value() : makeTimeSpan(0);
        default:
            return {};
        }
    }

    Value newObject(const Expr &e)
    {
        if (e.anonymous) {
            std::vector<std::pair<std::string, Value>> fields;
            for (const auto &init : e.inits) {
                fields.push_back({init.property, eval(*init.args[0])});
            }
            return constructAnonymous(std::move(fields));
        }
        Value object;
        {
            std::vector<Value> ctorArgs;
            ctorArgs.reserve(e.kids.size());
            for (const auto &k : e.kids) {
                ctorArgs.push_back(eval(*k));
            }
            object = call(e, *e.member, Value(), ctorArgs, e.typeRefs, e.typeSyntax.name);
        }
        for (const auto &init : e.inits) {
            Value args[inlineArgs];
            const std::size_t n = std::min(init.args.size(), inlineArgs);
            for (std::size_t i = 0; i < n; ++i) {
                args[i] = eval(*init.args[i]);
            }
            if (!init.property.empty()) {
                const Member *m = findMember(object.type(), init.property, MemberKind::Property);
                if (!m || !m->setter) {
                    failAt(e, "'" + init.property + "' cannot be assigned to", "System.InvalidOperationException");
                }
                Call c{m_st, object, std::span<Value>(args, 1), {}};
                try {
                    m->setter(c);
                } catch (EvalError &error) {
                    locate(error, *init.args[0]);
                    throw;
                }
            } else if (init.indexed) {
                const Member *m = findMember(object.type(), "[]", MemberKind::Property);
                if (!m || !m->setter) {
                    failAt(e, "The indexer is read only", "System.InvalidOperationException");
                }
                Call c{m_st, object, std::span<Value>(args, 2), {}};
                try {
                    m->setter(c);
                } catch (EvalError &error) {
                    locate(error, *init.args[0]);
                    throw;
                }
            } else {
                const Member *m = findMember(object.type(), "Add", MemberKind::Method);
                if (!m) {
                    failAt(e, "'" + typeNameOf(object) + "' has no Add method for a collection initializer",
                           "System.InvalidOperationException");
                }
                call(*init.args[0], *m, object, std::span<Value>(args, n), {});
            }
        }
        return object;
    }

    Value newArray(const Expr &e)
    {
        const TypeId elem = e.type.id;
        const bool bytes = e.stype.id == TypeId::Bytes;
        if (!e.hasInitializer) {
            const std::int64_t n = requireInteger(eval(*e.kids[0]));
            if (n < 0) {
                failAt(e, "Arithmetic operation resulted in an overflow.", "System.OverflowException");
            }
            m_st.charge(std::size_t(n) * (bytes ? 1 : sizeof(Value)));
            if (bytes) {
                return makeBytes(std::string(std::size_t(n), '\0'));
            }
            return makeList(std::vector<Value>(std::size_t(n), defaultValue(TypeRef{elem})), elem, TypeId::Array);
        }
        std::vector<Value> items;
        items.reserve(e.kids.size());
        for (const auto &k : e.kids) {
            Value v = eval(*k);
            items.push_back(elem == TypeId::Dynamic || elem == TypeId::Object ? std::move(v)
                                                                              : convertForAssignment(v, TypeRef{elem}));
        }
        if (bytes) {
            std::string data;
            for (const auto &v : items) {
                data += char(requireInteger(v) & 0xFF);
            }
            return makeBytes(std::move(data));
        }
        return makeList(std::move(items), elem, TypeId::Array);
    }

    Value interpolated(const Expr &e)
    {
        std::string out;
        for (const auto &part : e.parts) {
            if (!part.hole) {
                out += part.text;
                continue;
            }
            const Value v = eval(*part.hole);
            std::string piece;
            if (part.format.empty()) {
                piece = text(v);
            } else {
                try {
                    piece = formatValue(v, part.format);
                } catch (EvalError &error) {
                    locate(error, *part.hole);
                    throw;
                }
            }
            const std::size_t width = std::size_t(std::abs(part.alignment));
            if (piece.size() < width) {
                m_st.charge(width);
                if (part.alignment > 0) {
                    piece.insert(0, width - piece.size(), ' ');
                } else {
                    piece.append(width - piece.size(), ' ');
                }
            }
            out += piece;
        }
        m_st.charge(out.size());
        return Value::string(std::move(out));
    }

    Flow tryStatement(const Stmt &s, Value &ret)
    {
        Flow flow = Flow::Normal;
        auto runFinally = [&] {
            if (s.finally) {
                Value ignored;
                const Flow f = exec(*s.finally, ignored);
                if (f == Flow::Return) {
                    ret = ignored;
                    flow = Flow::Return;
                }
            }
        };
        try {
            try {
                flow = exec(*s.body[0], ret);
            } catch (EvalError &error) {
                if (error.fatal) {
                    throw;
                }
                const Catch *handler = nullptr;
                for (const auto &c : s.catches) {
                    if (c.hasType && !exceptionMatches(c.typeSyntax.name, error.exceptionType)) {
                        continue;
                    }
                    if (c.slot >= 0) {
                        auto box = std::make_shared<ExceptionBox>();
                        box->message = error.message;
                        box->type = std::string(error.exceptionType);
                        m_st.locals[std::size_t(c.slot)] = Value(TypeId::Exception, 0, std::move(box));
                    }
                    if (c.filter && !truth(*c.filter, eval(*c.filter))) {
                        continue;
                    }
                    handler = &c;
                    break;
                }
                if (!handler) {
                    throw;
                }
                m_caught.push_back(error);
                struct Pop {
                    std::vector<EvalError> &stack;
                    ~Pop() { stack.pop_back(); }
                } pop{m_caught};
                flow = exec(*handler->body, ret);
            }
        } catch (EvalError &error) {
            if (!error.fatal) {
                runFinally();
            }
            throw;
        }
        runFinally();
        return flow;
    }

    const Tree &m_tree;
    EvalState &m_st;
    const char *m_stackBase;
    std::vector<EvalError> m_caught;
};

} // namespace

Value invokeLambda(EvalState &st, const Value &function, std::span<const Value> args)
{
    if (!function.is(TypeId::Lambda)) {
        fail("Unable to cast object of type '" + typeNameOf(function) + "' to type 'System.Delegate'.",
             "System.InvalidCastException");
    }
    const auto *box = function.as<LambdaBox>();
    if (!box || box->serial != st.serial) {
        fail("The delegate belongs to another evaluation and cannot be invoked here.",
             "System.InvalidOperationException");
    }
    return static_cast<Evaluator *>(st.evaluator)->invoke(*static_cast<const Expr *>(box->node), args);
}

Value run(const Tree &tree, EvalState &state)
{
    state.locals.assign(std::size_t(tree.slotCount), Value());
    const char base = 0;
    Evaluator evaluator(tree, state, &base);
    state.evaluator = &evaluator;
    Value result;
    if (tree.expression) {
        result = evaluator.eval(*tree.expression);
    } else {
        evaluator.exec(*tree.block, result);
    }
    if (result.is(TypeId::Url)) {
        // a context URL only means something while the evaluation runs: hand out its text
        const Member *m = findMember(TypeId::Url, "ToString", MemberKind::Method);
        Call c{state, result, {}, {}};
        result = m->impl(c);
    }
    return result;
}

} // namespace gw::expr

"""`manage.py media_bucket_prepare`: make the media bucket ready for nginx.

nginx proxies /media/<public folder>/… to the bucket without signing (it holds no keys,
and a signature would make every URL unique and defeat its cache), so the bucket must let
anonymous readers get those prefixes, and nothing more: no listing, no other folder. Run
it at installation and after changing settings.MEDIA_PUBLIC_FOLDERS; running it again
changes nothing. Other statements already in the bucket's policy (a store's own
replication or backup rules) are kept.
"""

import json

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from home.storage import public_prefixes

# Names our statement, so a later run finds and replaces it instead of adding another.
STATEMENT_SID = "CongDanSoPublicMediaRead"
ANONYMOUS = "*"


class Command(BaseCommand):
    help = (
        "Tạo bucket media nếu chưa có và cho phép đọc không cần khóa đúng các thư mục công "
        "khai (MEDIA_PUBLIC_FOLDERS), để nginx chuyển tiếp /media/. Chạy lại không đổi gì."
    )

    def handle(self, *args, **options):
        if not isinstance(default_storage, S3Storage):
            self.stdout.write(
                f"Media nằm trên ổ đĩa của máy này ({settings.MEDIA_ROOT}): không có bucket "
                "nào cần chuẩn bị. Đặt MEDIA_S3_BUCKET để dùng kho lưu trữ S3."
            )
            return
        # The storage's own client: the same endpoint, keys and region the platform uses.
        client = default_storage.connection.meta.client
        bucket = default_storage.bucket_name
        try:
            self._bucket_ensure(client, bucket, default_storage.region_name)
            self._policy_ensure(client, bucket, public_prefixes(default_storage.location))
        except (BotoCoreError, ClientError) as error:
            raise CommandError(f"Kho lưu trữ trả lời lỗi với bucket «{bucket}»: {error}") from error

    def _bucket_ensure(self, client, bucket, region):
        try:
            client.head_bucket(Bucket=bucket)
        except ClientError as error:
            if _status(error) == 403:
                raise CommandError(
                    f"Bucket «{bucket}» có nhưng khóa truy cập này không được dùng nó "
                    "(403). Kiểm tra MEDIA_S3_ACCESS_KEY_ID và quyền của khóa."
                ) from error
            if _status(error) != 404:
                raise
        else:
            self.stdout.write(f"Bucket «{bucket}» đã có sẵn.")
            return
        params = {"Bucket": bucket}
        # AWS refuses an explicit us-east-1 and requires the constraint anywhere else;
        # MinIO, Ceph and Garage accept either.
        if region and region != "us-east-1":
            params["CreateBucketConfiguration"] = {"LocationConstraint": region}
        try:
            client.create_bucket(**params)
        except ClientError as error:
            # Another server's run created it in between: the same end result.
            if _code(error) != "BucketAlreadyOwnedByYou":
                raise
        self.stdout.write(f"Đã tạo bucket «{bucket}».")

    def _policy_ensure(self, client, bucket, prefixes):
        wanted = {
            "Sid": STATEMENT_SID,
            "Effect": "Allow",
            "Principal": ANONYMOUS,
            "Action": "s3:GetObject",
            "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in prefixes],
        }
        policy = _policy_read(client, bucket)
        statements = policy.get("Statement", [])
        if isinstance(statements, dict):
            statements = [statements]
        # A store may drop the Sid or rewrite the principal as {"AWS": ["*"]} when it
        # stores the policy: our statement is also recognised by what it says.
        ours = [s for s in statements if s.get("Sid") == STATEMENT_SID or _same(s, wanted)]
        others = [s for s in statements if s not in ours]
        folders = ", ".join(prefixes)
        if len(ours) == 1 and _same(ours[0], wanted):
            self.stdout.write(
                f"Chính sách của bucket «{bucket}» đã đúng, không đổi: ai cũng đọc được "
                f"{folders}; mọi thứ khác cần khóa truy cập."
            )
        else:
            new_policy = {"Version": policy.get("Version", "2012-10-17")}
            new_policy["Statement"] = [*others, wanted]
            try:
                client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(new_policy))
            except ClientError as error:
                if _code(error) in {"NotImplemented", "MalformedPolicy"} or _status(error) == 501:
                    raise CommandError(
                        f"Kho lưu trữ này không nhận chính sách bucket ({_code(error)}). Hãy "
                        f"cho phép đọc không cần khóa {folders} trong «{bucket}» bằng công "
                        "cụ của kho; nếu không, nginx không lấy được video và ảnh."
                    ) from error
                raise
            self.stdout.write(
                f"Đã đặt chính sách cho bucket «{bucket}»: ai cũng đọc được {folders} "
                "(từng tệp, không liệt kê được); mọi thứ khác cần khóa truy cập."
            )
        for statement in others:
            if statement.get("Effect") == "Allow" and _anonymous(statement.get("Principal")):
                self.stdout.write(
                    self.style.WARNING(
                        "Chú ý: chính sách còn một quy tắc khác cho người không có khóa "
                        f"(Sid {statement.get('Sid', '—')!r}): "
                        f"{_as_list(statement.get('Action'))} trên "
                        f"{_as_list(statement.get('Resource'))}. Hãy xem có cần không: tệp "
                        "của học viên không được để công khai."
                    )
                )


def _policy_read(client, bucket):
    try:
        return json.loads(client.get_bucket_policy(Bucket=bucket)["Policy"])
    except ClientError as error:
        if _code(error) == "NoSuchBucketPolicy" or _status(error) == 404:
            return {}
        raise


def _same(statement, wanted):
    """Whether two statements grant the same thing, whatever spelling the store chose."""
    return (
        statement.get("Effect") == wanted["Effect"]
        and _anonymous(statement.get("Principal"))
        and "Condition" not in statement
        and sorted(_as_list(statement.get("Action"))) == sorted(_as_list(wanted["Action"]))
        and sorted(_as_list(statement.get("Resource"))) == sorted(_as_list(wanted["Resource"]))
    )


def _anonymous(principal):
    if isinstance(principal, dict):
        principal = principal.get("AWS")
    return ANONYMOUS in _as_list(principal)


def _as_list(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _code(error):
    return error.response.get("Error", {}).get("Code", "")


def _status(error):
    status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if status is None and _code(error).isdigit():
        status = int(_code(error))
    return status

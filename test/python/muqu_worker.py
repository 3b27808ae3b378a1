"""A MuQu worker and producer written against boto3 as the MuQu library does it.

The interoperability tests run this script to check that queues and jobs made by
MuQu Desktop work for Python workers, and the other way round. It talks only to
the endpoint in MUQU_TEST_ENDPOINT, with the keys and region given in the
environment, so boto3 never looks for credentials or a region elsewhere.

Usage:
    muqu_worker.py consume NAME COUNT   fetch, check and remove COUNT jobs of NAME
    muqu_worker.py produce NAME JOB     create NAME as MuQu does and push JOB (JSON)

Both commands print their result as one JSON document on stdout.
"""

import json
import os
import sys

import boto3

MESSAGE_GROUP_ID = "MessageGroupId"


def sqs_client():
    return boto3.client(
        "sqs",
        endpoint_url=os.environ["MUQU_TEST_ENDPOINT"],
        region_name=os.environ["AWS_REGION"],
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    )


def consume(name, count):
    """Fetch, parse and remove `count` jobs one at a time, in queue order."""
    sqs = sqs_client()
    url = sqs.get_queue_url(QueueName=f"{name}.fifo")["QueueUrl"]
    jobs = []
    for _ in range(count):
        # The library passes no WaitTimeSeconds: the queue's 20 s long poll applies.
        received = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)
        messages = received.get("Messages", [])
        if not messages:
            jobs.append({"missing": True})
            continue
        message = messages[0]
        data = json.loads(message["Body"])
        jobs.append({"data": data, "is_dict": isinstance(data, dict)})
        sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return {"jobs": jobs}


def produce(name, job_text):
    """Create the queue pair as the library does, then push one job with json.dumps."""
    sqs = sqs_client()
    dead_letter_url = sqs.create_queue(
        QueueName=f"{name}-dead-letter.fifo",
        Attributes={"FifoQueue": "true", "MessageRetentionPeriod": "1209600"},
    )["QueueUrl"]
    dead_letter_arn = sqs.get_queue_attributes(
        QueueUrl=dead_letter_url, AttributeNames=["QueueArn"]
    )["Attributes"]["QueueArn"]
    redrive_policy = json.dumps({"deadLetterTargetArn": dead_letter_arn, "maxReceiveCount": "2"})
    url = sqs.create_queue(
        QueueName=f"{name}.fifo",
        Attributes={
            "FifoQueue": "true",
            "ContentBasedDeduplication": "true",
            "ReceiveMessageWaitTimeSeconds": "20",
            "RedrivePolicy": redrive_policy,
        },
    )["QueueUrl"]
    body = json.dumps(json.loads(job_text))
    sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=MESSAGE_GROUP_ID)
    return {"body": body}


def main(arguments):
    command, name, value = arguments
    if command == "consume":
        result = consume(name, int(value))
    elif command == "produce":
        result = produce(name, value)
    else:
        raise SystemExit(f"unknown command {command!r}: use consume or produce")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
